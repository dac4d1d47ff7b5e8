/**
 * JSON Schema `pattern` for a text that must hold more than whitespace: `minLength` alone lets
 * `"   "` through as a title or name. A failure reads "must not be blank" (see errors.ts).
 *
 * @example
 * const title = { type: 'string', minLength: 1, pattern: NOT_BLANK };
 */
export const NOT_BLANK = '\\S';

/**
 * `pattern` of a one-line label: no control character (C0 such as NUL, ESC or a line break,
 * DEL, or C1 such as U+0085), which would reach every tab's list and the terminal client as
 * it is. Ajv compiles patterns with the `u` flag, so ranges are code points.
 */
export const NO_CONTROLS = '^[^\\u0000-\\u001f\\u007f-\\u009f]*$';

/** `pattern` of free text: as NO_CONTROLS, but tabs and line breaks are part of text. */
export const NO_CONTROLS_BUT_LINES =
  '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$';

/**
 * `pattern` of well-formed Unicode: with the `u` flag a surrogate range matches only a lone
 * surrogate (`"\ud800"` in JSON), which UTF-8 cannot encode: clients would show U+FFFD.
 */
export const WELL_FORMED = '^[^\\ud800-\\udfff]*$';

/** What a failed `pattern` of ours means, for the 400's message (see errors.ts). */
export const PATTERN_MESSAGES: ReadonlyMap<string, string> = new Map([
  [NOT_BLANK, 'must not be blank'],
  [NO_CONTROLS, 'must not contain control characters'],
  [NO_CONTROLS_BUT_LINES, 'must not contain control characters'],
  [WELL_FORMED, 'must be well-formed Unicode: no lone surrogate'],
]);

/**
 * Schema of a one-line label (a title, a name): 1 to `maxLength` characters, not only
 * whitespace, no control character, no lone surrogate.
 *
 * @example
 * const properties = { title: labelOf(200) };
 */
export function labelOf(maxLength: number): object {
  const allOf = [{ pattern: NOT_BLANK }, { pattern: NO_CONTROLS }, { pattern: WELL_FORMED }];
  return { type: 'string', minLength: 1, maxLength, allOf };
}

/**
 * Schema of free text (a message, a prompt): up to `maxLength` characters, tabs and line breaks
 * allowed, other control characters and lone surrogates not.
 *
 * @example
 * const properties = { message: textOf(2000, { default: '' }) };
 */
export function textOf(maxLength: number, extra: object = {}): object {
  const allOf = [{ pattern: NO_CONTROLS_BUT_LINES }, { pattern: WELL_FORMED }];
  return { type: 'string', maxLength, allOf, ...extra };
}

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
