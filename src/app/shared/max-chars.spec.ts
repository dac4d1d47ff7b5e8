import { FormControl } from '@angular/forms';

import { charCount, maxChars } from './max-chars';

describe('maxChars', () => {
  const control = (value: string) => new FormControl(value, { validators: [maxChars(5)] });

  it('counts an emoji as one character, as the server does', () => {
    expect(charCount('ok 👍')).toBe(4);
    expect(charCount('😀'.repeat(5))).toBe(5);
    expect(control('😀'.repeat(5)).valid).toBeTrue();
  });

  it('refuses more characters than allowed, under the maxlength key', () => {
    expect(control('😀'.repeat(6)).errors).toEqual({
      maxlength: { requiredLength: 5, actualLength: 6 },
    });
    expect(control('abcdef').hasError('maxlength')).toBeTrue();
  });

  it('lets empty and non-text values through to the other validators', () => {
    expect(control('').valid).toBeTrue();
    expect(new FormControl(null, { validators: [maxChars(5)] }).valid).toBeTrue();
  });
});
