import { HttpErrorResponse } from '@angular/common/http';

import { UNREACHABLE, errorMessage } from './api';

describe('errorMessage', () => {
  const failed = (error: unknown) => new HttpErrorResponse({ error, status: 400 });

  it("uses the server's error and a string detail", () => {
    expect(errorMessage(failed({ error: 'Bad Request', detail: 'username is taken' }))).toBe(
      'Bad Request: username is taken',
    );
  });

  it("names the field of a validation error's detail", () => {
    const body = {
      error: 'bad-request',
      detail: { field: 'title', message: "body must have required property 'title'" },
    };
    expect(errorMessage(failed(body))).toBe(
      "bad-request: body must have required property 'title'",
    );
  });

  it('falls back to the error alone, or to the exception message', () => {
    expect(errorMessage(failed({ error: 'not-found', detail: { id: 3 } }))).toBe('not-found');
    expect(errorMessage(new Error('offline'))).toBe('offline');
    expect(errorMessage('?')).toBe('Request failed');
  });

  it('says the server is unreachable when no answer came (status 0)', () => {
    const refused = new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });
    expect(errorMessage(refused)).toBe(UNREACHABLE);
  });

  it('names the status of an answer without the JSON error body', () => {
    const proxy = new HttpErrorResponse({
      status: 502,
      statusText: 'Bad Gateway',
      error: '<html>bad gateway</html>',
    });
    expect(errorMessage(proxy)).toBe('The server answered 502 Bad Gateway');
  });
});
