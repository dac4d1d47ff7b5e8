import { HttpErrorResponse } from '@angular/common/http';

import { API_DOWN, UNREACHABLE, errorMessage } from './api';

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

  it('names the field when the message alone does not', () => {
    const body = {
      error: 'bad-request',
      detail: { field: 'message', message: 'must not contain control characters' },
    };
    expect(errorMessage(failed(body))).toBe(
      'bad-request (message): must not contain control characters',
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
    const html = new HttpErrorResponse({ status: 404, statusText: 'Not Found', error: '<html>' });
    expect(errorMessage(html)).toBe('The server answered 404 Not Found');
  });

  it('says what a 5xx from a proxy or gateway in front of the API means and what to do', () => {
    const gateway = new HttpErrorResponse({
      status: 502,
      statusText: 'Bad Gateway',
      error: '<html>bad gateway</html>',
    });
    expect(errorMessage(gateway)).toBe(
      `The server answered 502 Bad Gateway without the API's own error: ${API_DOWN}`,
    );
    // The dev server's proxy, with the API stopped: a 500 with an empty body.
    const proxy = new HttpErrorResponse({
      status: 500,
      statusText: 'Internal Server Error',
      error: null,
    });
    expect(errorMessage(proxy)).toContain(API_DOWN);
  });
});
