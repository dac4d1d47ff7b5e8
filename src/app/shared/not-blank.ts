import type { AbstractControl, ValidationErrors } from '@angular/forms';

/**
 * Refuses text made only of whitespace, as the server does (`pattern: "\\S"`): `required`
 * alone lets `"   "` through. Empty text is left to `required`, so each rule has one message.
 *
 * @example
 * new FormControl('', { validators: [Validators.required, notBlank] }); // '  ' → { blank: true }
 */
export function notBlank(control: AbstractControl<unknown>): ValidationErrors | null {
  const { value } = control;
  return typeof value === 'string' && value.length > 0 && value.trim() === ''
    ? { blank: true }
    : null;
}
