/**
 * JSON Schema `pattern` for a text that must hold more than whitespace: `minLength` alone lets
 * `"   "` through as a title or name. A failure reads "must not be blank" (see errors.ts).
 *
 * @example
 * const title = { type: 'string', minLength: 1, pattern: NOT_BLANK };
 */
export const NOT_BLANK = '\\S';

/**
 * A route's `querystring` schema: string parameters only, and no other. A typo such as
 * `?topic=jobs` (for `topics`) is a 400 naming it, not a silent default.
 *
 * @example
 * app.get('/api/ticks', { schema: { querystring: queryOf('lastEventId') } }, handler);
 */
export function queryOf(...names: string[]): object {
  const properties = Object.fromEntries(names.map((name) => [name, { type: 'string' }]));
  return { type: 'object', properties, additionalProperties: false };
}
