import type { ValidatorFn } from '@angular/forms';

/**
 * The length of a text as the server counts it: in Unicode code points, as Ajv's `maxLength`
 * does, not in UTF-16 units as `String.length` does (an emoji is one character, not two).
 *
 * @example
 * charCount('ok 👍'); // 4, where 'ok 👍'.length is 5
 */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * `Validators.maxLength` counted like the server (see `charCount`), so a title of 200 emoji is
 * not refused here while the server would take it. Its error keeps the `maxlength` key and
 * shape, so templates ask `hasError('maxlength')` as before.
 *
 * @example
 * new FormControl('', { validators: [maxChars(200)] });
 */
export function maxChars(max: number): ValidatorFn {
  return ({ value }) => {
    if (typeof value !== 'string' || value.length <= max) return null;
    const actualLength = charCount(value);
    return actualLength > max ? { maxlength: { requiredLength: max, actualLength } } : null;
  };
}
