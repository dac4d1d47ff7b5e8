/**
 * The hints and errors under `host`'s form fields that run past their field's bottom edge, by
 * text. Material gives a field's subscript one line's fixed height unless the field has
 * `subscriptSizing="dynamic"`, so a message that wraps there spills over whatever comes next.
 * Call it with `host` at the width under test.
 *
 * @example
 * host.style.width = '320px';
 * expect(subscriptOverflow(host)).toEqual([]);
 */
export function subscriptOverflow(host: HTMLElement): string[] {
  return Array.from(host.querySelectorAll<HTMLElement>('mat-form-field'), (field) => {
    const bottom = field.getBoundingClientRect().bottom;
    return Array.from(field.querySelectorAll<HTMLElement>('mat-hint, mat-error'))
      .filter((message) => message.getBoundingClientRect().bottom > bottom + 0.5)
      .map((message) => message.textContent?.trim() ?? '');
  }).flat();
}
