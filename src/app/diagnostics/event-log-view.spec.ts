import { BreakpointObserver } from '@angular/cdk/layout';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { LogEntry } from '../core/event-log';
import { formatTime } from '../shared/format';
import { EventLogView } from './event-log-view';
import { TOUCH_QUERY } from './log-row-height';

function entry(seq: number, data: string): LogEntry {
  return { seq, receivedAt: 0, type: 'notification', lastEventId: String(seq), data };
}

describe('EventLogView', () => {
  async function render(entries: LogEntry[]): Promise<ComponentFixture<EventLogView>> {
    const fixture = TestBed.createComponent(EventLogView);
    fixture.componentRef.setInput('entries', entries);
    await fixture.whenStable();
    // The viewport measures itself after the first render, then renders the visible range.
    await fixture.whenStable();
    return fixture;
  }

  const rows = (fixture: ComponentFixture<EventLogView>): HTMLElement[] =>
    Array.from(fixture.nativeElement.querySelectorAll('[role="listitem"]'));

  it('shows type, id and the JSON payload as text, never as markup', async () => {
    const payload = JSON.stringify({ title: '<img src=x onerror="window.pwned = true">' });
    const fixture = await render([entry(1, payload)]);
    const [row] = rows(fixture);
    expect(row.querySelector('code')?.textContent).toBe(payload);
    expect(row.textContent).toContain('notification');
    expect(row.textContent).toContain('#1');
    expect(fixture.nativeElement.querySelector('img')).toBeNull();
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it("leaves a phone-wide log's row to the payload: the id shows with it once tapped", async () => {
    const fixture = await render([entry(1, '{"a":1}')]);
    const host: HTMLElement = fixture.nativeElement;
    host.style.display = 'block';
    const id = () => getComputedStyle(rows(fixture)[0].querySelector('.id')!).display;
    host.style.width = '360px';
    expect(id()).toBe('none');
    host.style.width = '800px';
    expect(id()).not.toBe('none');
  });

  it('shows a long payload whole, wrapped, when its row is activated, and closes it', async () => {
    const payload = JSON.stringify({ title: 'x'.repeat(300) });
    const fixture = await render([entry(1, payload), entry(2, '{}')]);
    const detail = (): HTMLElement | null =>
      fixture.nativeElement.querySelector('[aria-label="Selected event payload"]');
    expect(detail()).toBeNull();

    const button: HTMLButtonElement = rows(fixture)[0].querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe(
      `Show the payload of event 1: notification at ${formatTime(0)}`,
    );
    button.click();
    await fixture.whenStable();
    expect(detail()?.querySelector('pre')?.textContent).toBe(payload);
    expect(getComputedStyle(detail()!.querySelector('pre')!).whiteSpace).toBe('pre-wrap');
    expect(button.getAttribute('aria-expanded')).toBe('true');

    (detail()!.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(detail()).toBeNull();
  });

  it('hands focus back to the row that opened the payload when Close goes away', async () => {
    const fixture = await render([entry(2, '{}'), entry(1, '{"a":1}')]);
    const opener: HTMLButtonElement = rows(fixture)[1].querySelector('button')!;
    opener.focus();
    opener.click();
    await fixture.whenStable();
    const close: HTMLButtonElement = fixture.nativeElement.querySelector('.detail button');
    close.focus();
    close.click();
    await fixture.whenStable();
    expect(document.activeElement).toBe(opener);
    expect(opener.tabIndex).toBe(0);
  });

  it("hands focus to the log's Tab stop on Close once the opening row left the log", async () => {
    const fixture = await render([entry(1, '{}')]);
    rows(fixture)[0].querySelector('button')!.click();
    await fixture.whenStable();
    fixture.componentRef.setInput('entries', [entry(3, '{}'), entry(2, '{}')]);
    await fixture.whenStable();
    await fixture.whenStable();
    const close: HTMLButtonElement = fixture.nativeElement.querySelector('.detail button');
    close.focus();
    close.click();
    await fixture.whenStable();
    expect(document.activeElement?.closest('[data-seq]')?.getAttribute('data-seq')).toBe('3');
  });

  it('names each row by sequence, type and time, even when events share an SSE id', async () => {
    const fixture = await render([
      { seq: 3, receivedAt: 2500, type: 'metric', lastEventId: '7', data: '{}' },
      { seq: 2, receivedAt: 1250, type: 'ack', lastEventId: '7', data: '{}' },
    ]);
    const names = rows(fixture).map((row) =>
      row.querySelector('button')?.getAttribute('aria-label'),
    );
    expect(names).toEqual([
      `Show the payload of event 3: metric at ${formatTime(2500)}`,
      `Show the payload of event 2: ack at ${formatTime(1250)}`,
    ]);
  });

  it('renders only the visible rows of a full log', async () => {
    const entries = Array.from({ length: 5000 }, (_, i) => entry(5000 - i, '{}'));
    const fixture = await render(entries);
    const viewport: HTMLElement = fixture.nativeElement.querySelector(
      '[aria-label="Raw event log"]',
    );
    expect(viewport.getAttribute('data-count')).toBe('5000');
    const rendered = rows(fixture);
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(50);
    expect(rendered[0].getAttribute('data-seq')).toBe('5000');
    expect(rendered[0].getAttribute('aria-setsize')).toBe('5000');
    expect(fixture.nativeElement.textContent).toContain(
      '5,000 events, newest first (the last 5,000 are kept)',
    );
  });

  it('is one Tab stop whose rows the arrow keys, Home and End move between', async () => {
    const entries = Array.from({ length: 5000 }, (_, i) => entry(5000 - i, '{}'));
    const fixture = await render(entries);
    const buttons = (): HTMLButtonElement[] =>
      Array.from(fixture.nativeElement.querySelectorAll('button.payload'));
    expect(buttons().filter((button) => button.tabIndex === 0).length).toBe(1);
    const key = async (name: string) => {
      (document.activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }),
      );
      // A far row is rendered after the viewport's scroll event, in an animation frame.
      for (let frame = 0; frame < 3; frame++) {
        await new Promise((done) => requestAnimationFrame(done));
        await fixture.whenStable();
      }
    };
    const focusedSeq = () =>
      document.activeElement?.closest('[data-seq]')?.getAttribute('data-seq');

    buttons()[0].focus();
    await key('ArrowDown');
    expect(focusedSeq()).toBe('4999');
    await key('ArrowUp');
    await key('ArrowUp');
    expect(focusedSeq()).toBe('5000');
    await key('End');
    expect(focusedSeq()).toBe('1');
    await key('Home');
    expect(focusedSeq()).toBe('5000');
    // The Tab stop follows the row last focused.
    await key('ArrowDown');
    expect(
      buttons()
        .filter((button) => button.tabIndex === 0)
        .map((b) => b.dataset['index']),
    ).toEqual(['1']);
  });

  it('cuts a long payload at the width of the log rather than widening the rows', async () => {
    const fixture = await render([entry(1, JSON.stringify({ title: 'x'.repeat(2000) }))]);
    const viewport: HTMLElement = fixture.nativeElement.querySelector(
      'cdk-virtual-scroll-viewport',
    );
    const code: HTMLElement = fixture.nativeElement.querySelector('code');
    expect(viewport.scrollWidth).toBeLessThanOrEqual(viewport.clientWidth);
    expect(code.scrollWidth).toBeGreaterThan(code.clientWidth);
  });

  it('makes each row a 44 px tap target on a touch screen, payload button included', async () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: BreakpointObserver, useValue: { isMatched: (q: string) => q === TOUCH_QUERY } },
      ],
    });
    const fixture = await render([entry(1, '{}'), entry(2, '{}')]);
    const [row] = rows(fixture);
    expect(row.getBoundingClientRect().height).toBe(44);
    expect(row.querySelector('button')!.getBoundingClientRect().height).toBe(44);
  });
});

function logEntry(seq: number): LogEntry {
  return { seq, receivedAt: 0, type: 'notification', lastEventId: String(seq), data: '{}' };
}

describe('EventLogView: the Tab stop survives scrolling and eviction', () => {
  const frames = async (fixture: ComponentFixture<EventLogView>) => {
    for (let frame = 0; frame < 4; frame++) {
      await new Promise((done) => requestAnimationFrame(done));
      await fixture.whenStable();
    }
  };
  const tabStops = (fixture: ComponentFixture<EventLogView>) =>
    Array.from<HTMLButtonElement>(fixture.nativeElement.querySelectorAll('button.payload')).filter(
      (b) => b.tabIndex === 0,
    ).length;

  async function focusedLast(entries: LogEntry[]) {
    const fixture = TestBed.createComponent(EventLogView);
    fixture.componentRef.setInput('entries', entries);
    await fixture.whenStable();
    await fixture.whenStable();
    const first: HTMLButtonElement = fixture.nativeElement.querySelector('button.payload');
    first.focus();
    first.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }),
    );
    await frames(fixture);
    expect(document.activeElement?.closest('[data-seq]')?.getAttribute('data-seq')).toBe('1');
    return fixture;
  }

  it('keeps a row tabbable after the focused row scrolled out of the rendered range', async () => {
    const fixture = await focusedLast(Array.from({ length: 2000 }, (_, i) => logEntry(2000 - i)));
    const viewport: HTMLElement = fixture.nativeElement.querySelector(
      'cdk-virtual-scroll-viewport',
    );
    (document.activeElement as HTMLElement).blur();
    viewport.scrollTop = 0;
    viewport.dispatchEvent(new Event('scroll'));
    await frames(fixture);
    expect(tabStops(fixture)).toBe(1);
  });

  it('keeps a row tabbable after the focused row left the log (LOG_LIMIT eviction)', async () => {
    const fixture = await focusedLast(Array.from({ length: 20 }, (_, i) => logEntry(20 - i)));
    (document.activeElement as HTMLElement).blur();
    fixture.componentRef.setInput(
      'entries',
      Array.from({ length: 20 }, (_, i) => logEntry(25 - i)),
    );
    await frames(fixture);
    expect(tabStops(fixture)).toBe(1);
  });
});
