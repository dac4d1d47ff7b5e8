/**
 * JSON Schema `pattern` for a text that must hold more than whitespace: `minLength` alone lets
 * `"   "` through as a title or name. A failure reads "must not be blank" (see errors.ts).
 *
 * @example
 * const title = { type: 'string', minLength: 1, pattern: NOT_BLANK };
 */
export const NOT_BLANK = '\\S';
