import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { SSE_SCHEDULER, provideSse, withFetchTransport } from 'ngx-sse';
import {
  FakeSseScheduler,
  SseTestingController,
  type TestConnection,
  provideSseTesting,
} from 'ngx-sse/testing';

import { AssistantPage } from './assistant-page';
import { AssistantPageHarness } from './testing/assistant-page-harness';

/** Tokens are appended in an animation frame. */
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('AssistantPage', () => {
  let sse: SseTestingController;
  let page: AssistantPageHarness;
  // Backoff timers run only when the test says so: a reconnect would be a second POST.
  let scheduler: FakeSseScheduler;

  beforeEach(async () => {
    scheduler = new FakeSseScheduler();
    TestBed.configureTestingModule({
      providers: [
        provideSseTesting(),
        provideSse(withFetchTransport({ default: false })),
        { provide: SSE_SCHEDULER, useValue: scheduler },
      ],
    });
    sse = TestBed.inject(SseTestingController);
    const fixture = TestBed.createComponent(AssistantPage);
    page = await TestbedHarnessEnvironment.harnessForFixture(fixture, AssistantPageHarness);
  });

  afterEach(() => sse.verify());

  async function ask(prompt: string): Promise<TestConnection> {
    await page.ask(prompt);
    return sse.expectConnection('/api/chat');
  }

  it('POSTs the prompt as JSON over the fetch transport', async () => {
    const chat = await ask('What is SSE?');
    expect(chat.request.transport).toBe('fetch');
    expect(chat.request.fetch).toEqual(
      jasmine.objectContaining({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ prompt: 'What is SSE?' }),
      }),
    );
    expect(await page.getStatus()).toBe('sending');
    await page.stop();
  });

  it('streams the answer in, then says done and announces the answer once', async () => {
    const chat = await ask('What is SSE?');
    chat.open();
    chat.emit('token', { text: 'Server-Sent ' });
    await frame();
    expect(await page.getStatus()).toBe('streaming');
    expect(await page.getAnswer()).toBe('Server-Sent');
    expect(await page.getAnnouncement()).toBe('');

    chat.emit('token', { text: 'Events ' });
    chat.emit('token', { text: 'push.' });
    chat.emit('done', { tokens: 3 });
    expect(await page.getStatus()).toBe('done');
    expect(await page.getAnswer()).toBe('Server-Sent Events push.');
    expect(await page.getAnnouncement()).toBe('Answer: Server-Sent Events push.');
    expect(chat.cancelled).toBeTrue();
    expect(await page.canPress('Retry')).toBeFalse();
  });

  it('counts tokens beside the live status, which changes only with the status', async () => {
    const chat = await ask('What is SSE?');
    chat.open();
    chat.emit('token', { text: 'Server-Sent ' });
    await frame();
    const first = await page.getStatusText();
    chat.emit('token', { text: 'Events ' });
    await frame();
    expect(await page.getTokenCount()).toBe('(2 tokens)');
    expect(await page.getStatusText()).toBe(first);
    expect(first).toBe('Status: streaming');
    await page.stop();
  });

  it('Stop aborts the request and keeps what arrived; Retry asks again', async () => {
    const chat = await ask('Tell me about retries');
    chat.open();
    chat.emit('token', { text: 'When ' });
    await page.stop();
    expect(chat.cancelled).toBeTrue();
    expect(await page.getStatus()).toBe('stopped');
    expect(await page.getAnswer()).toBe('When');
    expect(await page.getAnnouncement()).toBe('Stopped after 1 token.');

    await page.retry();
    const again = sse.expectConnection('/api/chat');
    expect(again.request.fetch).toEqual(
      jasmine.objectContaining({ body: '{"prompt":"Tell me about retries"}' }),
    );
    expect(await page.getStatus()).toBe('sending');
    await page.stop();
  });

  it('a drop ends the answer with a visible error and does not re-send the POST', async () => {
    const chat = await ask('What is SSE?');
    chat.open();
    chat.emit('token', { text: 'Server-Sent ' });
    chat.fail();
    expect(await page.getStatus()).toBe('error');
    expect(await page.getError()).toContain('The connection dropped');
    expect(chat.cancelled).toBeTrue();
    expect(scheduler.pending()).toEqual([]);
    scheduler.tick(60_000);
    sse.expectNone('/api/chat');
    expect(await page.canPress('Retry')).toBeTrue();
  });

  it('shows the rate limit as an error instead of retrying it', async () => {
    const chat = await ask('What is SSE?');
    chat.fail({ status: 429, retryAfterMs: 12_500 });
    expect(await page.getStatus()).toBe('error');
    expect(await page.getError()).toContain(
      'Too many prompts in a minute. Wait 13 s, then press Retry.',
    );
    scheduler.tick(60_000);
    sse.expectNone('/api/chat');
  });

  it('asks for a prompt instead of sending an empty one', async () => {
    await page.ask('   ');
    sse.expectNone('/api/chat');
    expect(await page.getStatus()).toBe('idle');
  });

  it('keeps a prompt over 2000 characters whole and says it is too long instead of sending', async () => {
    const pasted = 'p'.repeat(2345);
    await page.ask(pasted);
    sse.expectNone('/api/chat');
    expect((await page.getPrompt()).length).toBe(2345);
    expect(await page.getFieldErrors()).toEqual(['At most 2000 characters: this prompt has 2345.']);
  });

  it('keeps the character count on one line however narrow the field', async () => {
    expect(await page.getCounterStyle('white-space')).toBe('nowrap');
  });

  it('renders markup in an answer as text', async () => {
    const chat = await ask('What is SSE?');
    chat.open();
    chat.emit('token', { text: '<img src=x onerror=alert(1)>' });
    chat.emit('done', { tokens: 1 });
    expect(await page.getAnswer()).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('keeps keyboard focus on Send and Stop when pressing them disables them', async () => {
    const send = await page.button('Send');
    await page.setPrompt('What is SSE?');
    await (await send.host()).focus();
    await send.click();
    sse.expectConnection('/api/chat').open();
    expect(await send.isDisabled()).toBeTrue();
    // The browser drops focus from a disabled control at its next rendering step.
    await frame();
    expect(await (await send.host()).isFocused()).toBeTrue();

    const stop = await page.button('Stop');
    await (await stop.host()).focus();
    await stop.click();
    expect(await page.getStatus()).toBe('stopped');
    expect(await stop.isDisabled()).toBeTrue();
    await frame();
    expect(await (await stop.host()).isFocused()).toBeTrue();
  });
});
