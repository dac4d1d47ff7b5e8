import { Injectable, Injector, inject, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, scan, takeWhile } from 'rxjs';
import { SseClient, SseError, provideSse, withFetchTransport } from 'ngx-sse';
import { SseTestingController, provideSseTesting } from 'ngx-sse/testing';

// The package README's LLM-style POST example, as written there (keep them in step): the answer
// grows token by token, `done` releases the request, and a failure reaches the one subscriber.
interface ChatEvents {
  token: { text: string };
  done: { tokens: number };
}

@Injectable({ providedIn: 'root' })
class Chat {
  readonly #client = inject(SseClient);
  readonly #injector = inject(Injector);

  ask(prompt: string): Observable<string> {
    return this.#client
      .stream<ChatEvents>('/api/chat', {
        transport: 'fetch',
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ prompt }),
        injector: this.#injector,
      })
      .events()
      .pipe(
        takeWhile((message) => message.type === 'token'),
        scan((text, { data }) => text + data.text, ''),
      );
  }
}

describe("the package README's chat example", () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideSse(withFetchTransport({ default: false })),
        provideSseTesting(),
      ],
    }),
  );

  it('grows the answer token by token and releases the request on done', () => {
    const answers: string[] = [];
    let completed = false;
    TestBed.inject(Chat)
      .ask('hi')
      .subscribe({ next: (text) => answers.push(text), complete: () => (completed = true) });
    const connection = TestBed.inject(SseTestingController).expectConnection('/api/chat');
    expect(connection.request.fetch.method).toBe('POST');
    expect(connection.request.fetch.body).toBe('{"prompt":"hi"}');

    connection.open();
    connection.emit('token', { text: 'Hel' });
    connection.emit('token', { text: 'lo' });
    connection.emit('done', { tokens: 2 });

    expect(answers).toEqual(['Hel', 'Hello']);
    expect(completed).toBeTrue();
    expect(connection.cancelled).toBeTrue();
  });

  it('errors the one subscription on a refusal, with the status', () => {
    let failure: unknown;
    TestBed.inject(Chat)
      .ask('hi')
      .subscribe({ error: (error: unknown) => (failure = error) });

    TestBed.inject(SseTestingController).expectConnection('/api/chat').fail({ status: 429 });

    expect(failure).toBeInstanceOf(SseError);
    expect((failure as SseError).status).toBe(429);
    TestBed.inject(SseTestingController).verify();
  });
});
