import {
  SSE_LOCK_MANAGER,
  type SseMessage,
  type SseState,
  provideSse,
  withCrossTabSharing,
  withFetchTransport,
} from 'ngx-sse';

import { setup } from '../testing.spec-helper';

import type { FakeTab } from './fake-tabs.spec-helper';
import { setupTabs } from './fake-tabs.spec-helper';

interface Events extends Record<string, unknown> {
  notification: { n: number };
  'job-progress': { percent: number };
}

const URL = '/api/events?token=secret-value';

/** Subscribes a tab to both names; returns what it received, in order. */
function watch(tab: FakeTab) {
  const stream = tab.stream<Events>(URL);
  const got: string[] = [];
  const errors: unknown[] = [];
  const record = (message: SseMessage<unknown>) =>
    got.push(`${message.type}:${message.lastEventId}`);
  const subs = [
    stream.on('notification').subscribe({ next: record, error: (e) => errors.push(e) }),
    stream.on('job-progress').subscribe({ next: record, error: (e) => errors.push(e) }),
  ];
  return { stream, got, errors, stop: () => subs.forEach((s) => s.unsubscribe()) };
}

const status = (state: SseState) => state.status;

describe('withCrossTabSharing', () => {
  /** Two tabs, the leader's connection open and event 1 delivered; which tab leads is random. */
  async function twoTabsAfterOneEvent() {
    const { browser, tabs, live, scheduler } = setupTabs(2);
    const [a, b] = tabs.map(watch);
    await browser.settle();
    const first = live(URL)[0];
    first.open();
    first.emit('notification', { n: 1 }, '1');
    await browser.settle();
    const leaderTab = a.stream.diagnostics().role === 'leader' ? 0 : 1;
    const [leader, other] = leaderTab === 0 ? [a, b] : [b, a];
    return { browser, tabs, live, scheduler, a, b, first, leaderTab, leader, other };
  }

  it('two tabs: one real connection, named events relayed, state and role mirrored', async () => {
    const { browser, tabs, live } = setupTabs(2);
    const [a, b] = tabs.map(watch);
    await browser.settle();
    expect(live(URL).length).toBe(1);
    const server = live(URL)[0];
    expect(server.types).toEqual(new Set(['notification', 'job-progress']));
    server.open();
    server.emit('notification', { n: 1 }, '1');
    server.emit('job-progress', { percent: 50 }, '2');
    await browser.settle();
    for (const tab of [a, b]) {
      expect(tab.got).toEqual(['notification:1', 'job-progress:2']);
      expect(status(tab.stream.state())).toBe('open');
      expect(tab.stream.diagnostics().eventsReceived).toBe(2);
      expect(tab.stream.diagnostics().lastEventId).toBe('2');
    }
    expect([a, b].map((t) => t.stream.diagnostics().role).sort()).toEqual(['follower', 'leader']);
  });

  it('never puts the URL in a channel or lock name', async () => {
    const { browser, tabs } = setupTabs(1);
    watch(tabs[0]);
    await browser.settle();
    const [name] = [...browser.names];
    expect(name).toMatch(/^ngx-sse:[0-9a-z]+$/);
    expect(name).not.toContain('secret');
  });

  it('three tabs: the leader leaves, a follower resumes from its last id, nothing twice or lost', async () => {
    const { browser, tabs, live } = setupTabs(3);
    const watchers = tabs.map(watch);
    await browser.settle();
    const first = live(URL)[0];
    first.open();
    for (let id = 1; id <= 5; id++) first.emit('notification', { n: id }, `${id}`);
    await browser.settle();
    const leader = watchers.findIndex((w) => w.stream.diagnostics().role === 'leader');
    watchers[leader].stop();
    await browser.settle();
    expect(first.cancelled).toBeTrue();
    expect(live(URL).length).toBe(1);
    const second = live(URL)[0];
    expect(second.request.lastEventId).toBe('5');
    second.open();
    // The server replays from an older id than asked: the overlap is dropped by id.
    for (let id = 4; id <= 8; id++) second.emit('notification', { n: id }, `${id}`);
    await browser.settle();
    const expected = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => `notification:${id}`);
    const rest = watchers.filter((_, i) => i !== leader);
    for (const tab of rest) {
      expect(tab.got).toEqual(expected);
      expect(status(tab.stream.state())).toBe('open');
    }
    expect(rest.map((t) => t.stream.diagnostics().role).sort()).toEqual(['follower', 'leader']);
  });

  it('a crashed leader tab is replaced by a waiting one, which resumes from its last id', async () => {
    const { browser, tabs, live, first, leaderTab, other } = await twoTabsAfterOneEvent();
    tabs[leaderTab].kill();
    await browser.settle();
    const second = live(URL).find((c) => c !== first)!;
    expect(second.request.lastEventId).toBe('1');
    second.open();
    second.emit('notification', { n: 2 }, '2');
    await browser.settle();
    expect(other.got).toEqual(['notification:1', 'notification:2']);
    expect(other.stream.diagnostics().role).toBe('leader');
  });

  it('a follower mirrors a retrying leader and never shows closed', async () => {
    const {
      browser,
      live,
      scheduler,
      first,
      leader,
      other: follower,
    } = await twoTabsAfterOneEvent();
    const seen: string[] = [];
    const track = () => seen.push(status(follower.stream.state()));
    first.dropAndBrowserRetry(); // dropped: the browser retries by itself…
    first.fail({ status: 503 }); // …and its retry is refused: the library's backoff takes over
    await browser.settle();
    track();
    // The leader's core runs the backoff (its countdown shows); the follower's waits for it.
    expect(follower.stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', reason: 'refused', delayMs: null }),
    );
    expect(leader.stream.state()).toEqual(
      jasmine.objectContaining({ status: 'reconnecting', delayMs: jasmine.any(Number) }),
    );
    scheduler.tick(60_000);
    await browser.settle();
    const second = live(URL)[0];
    expect(second.request.lastEventId).toBe('1');
    second.open();
    second.emit('notification', { n: 2 }, '2');
    await browser.settle();
    track();
    expect(seen).toEqual(['reconnecting', 'open']);
    expect(follower.got).toEqual(['notification:1', 'notification:2']);
    // The browser's refused retry and the library's.
    expect(follower.stream.diagnostics().reconnects).toBe(2);
  });

  it('a leader whose subscribers leave while it retries hands over after its backoff', async () => {
    const {
      browser,
      live,
      scheduler,
      first,
      leader,
      other: follower,
    } = await twoTabsAfterOneEvent();
    first.dropAndBrowserRetry(); // dropped: the browser retries by itself…
    first.fail({ reason: 'refused' }); // …and gives up: the core retries after a backoff
    await browser.settle();
    const state = leader.stream.state();
    const delayMs = state.status === 'reconnecting' ? state.delayMs! : NaN;
    leader.stop();
    await browser.settle();
    expect(live(URL).length).toBe(0);
    // Its core stopped in the backoff: the tab leads on for the delay its core chose (and 1 s of
    // slack), then hands over.
    scheduler.tick(delayMs + 999);
    await browser.settle();
    expect(live(URL).length).toBe(0);
    scheduler.tick(1);
    await browser.settle();
    const second = live(URL)[0];
    expect(second.request.lastEventId).toBe('1');
    second.open();
    await browser.settle();
    expect(status(follower.stream.state())).toBe('open');
    expect(follower.stream.diagnostics().role).toBe('leader');
  });

  it('a fatal failure seen by the leader closes every tab with the same reason', async () => {
    const { browser, tabs, live } = setupTabs(3, [provideSse(withFetchTransport())]);
    const watchers = tabs.map(watch);
    await browser.settle();
    // What the fetch transport reports for a 401 (an EventSource would only see `refused`).
    live(URL)[0].fail({ reason: 'http', status: 401 });
    await browser.settle();
    for (const tab of watchers) {
      expect(tab.stream.state()).toEqual(
        jasmine.objectContaining({ status: 'closed', reason: 'unauthorized' }),
      );
      expect(tab.errors.length).toBeGreaterThan(0);
    }
    expect(live(URL).length).toBe(0);
  });

  it('keeps the connection while any tab has a subscriber, closes it when none has', async () => {
    const { browser, tabs, live } = setupTabs(2);
    const [a, b] = tabs.map(watch);
    await browser.settle();
    const connection = live(URL)[0];
    connection.open();
    const [leader, follower] = a.stream.diagnostics().role === 'leader' ? [a, b] : [b, a];
    follower.stop();
    await browser.settle();
    expect(connection.cancelled).toBeFalse();
    leader.stop();
    await browser.settle();
    expect(connection.cancelled).toBeTrue();
    expect(live(URL).length).toBe(0);
  });

  it('a follower subscribing to a new name makes the leader listen to it', async () => {
    const { browser, tabs, live } = setupTabs(2);
    const leader = tabs[0].stream<Events>(URL);
    leader.on('notification').subscribe();
    await browser.settle();
    const follower = tabs[1].stream<Events>(URL);
    const got: number[] = [];
    follower.on('job-progress').subscribe((m) => got.push(m.data.percent));
    await browser.settle();
    const connection = live(URL)[0];
    expect(connection.types.has('job-progress')).toBeTrue();
    connection.open();
    connection.emit('job-progress', { percent: 10 }, '1');
    await browser.settle();
    expect(got).toEqual([10]);
  });

  it('a leader entering the back-forward cache hands over, and rejoins when restored', async () => {
    const { browser, tabs, live, a, b, first, leaderTab, other } = await twoTabsAfterOneEvent();
    const restored = leaderTab === 0 ? a : b;
    tabs[leaderTab].lifecycle('hide');
    await browser.settle();
    expect(first.cancelled).toBeTrue();
    const second = live(URL)[0];
    expect(second.request.lastEventId).toBe('1');
    expect(other.stream.diagnostics().role).toBe('leader');
    tabs[leaderTab].lifecycle('show');
    await browser.settle();
    second.open();
    second.emit('notification', { n: 2 }, '2');
    await browser.settle();
    expect(live(URL).length).toBe(1);
    expect(restored.got).toEqual(['notification:1', 'notification:2']);
    expect(restored.stream.diagnostics().role).toBe('follower');
  });

  it('without Web Locks each tab connects by itself', async () => {
    const { browser, tabs, live } = setupTabs(2, [{ provide: SSE_LOCK_MANAGER, useValue: null }]);
    const watchers = tabs.map(watch);
    await browser.settle();
    expect(live(URL).length).toBe(2);
    expect(browser.names.size).toBe(0);
    expect(watchers.map((w) => w.stream.diagnostics().role)).toEqual(['solo', 'solo']);
  });

  it('a stream with crossTab: false connects by itself', async () => {
    const { browser, tabs, live } = setupTabs(2);
    tabs.forEach((tab) => tab.stream(URL, { crossTab: false }).on('notification').subscribe());
    await browser.settle();
    expect(live(URL).length).toBe(2);
    expect(browser.names.size).toBe(0);
  });

  it('a stream with a header function stays in its tab; equal static headers share', async () => {
    const { browser, tabs, live } = setupTabs(2);
    // Two tenants whose functions a per-tab counter could number alike: they must not share.
    tabs.forEach((tab, i) =>
      tab
        .stream(URL, { transport: 'fetch', headers: () => ({ 'X-Tenant': `t${i}` }) })
        .on('notification')
        .subscribe(),
    );
    await browser.settle();
    expect(live(URL).length).toBe(2);
    expect(browser.names.size).toBe(0);
    const other = '/api/static';
    tabs[0]
      .stream(other, { transport: 'fetch', headers: { A: '1', b: '2' } })
      .on('n')
      .subscribe();
    tabs[1]
      .stream(other, { transport: 'fetch', headers: { B: '2', a: '1' } })
      .on('n')
      .subscribe();
    await browser.settle();
    expect(live(other).length).toBe(1);
  });

  it('with provideSseTesting() streams connect at once, unshared', () => {
    const { client, controller } = setup([withCrossTabSharing()]);
    const stream = client.stream(URL);
    stream.on('notification').subscribe();
    controller.expectConnection(URL).open();
    expect(stream.diagnostics().role).toBe('solo');
    expect(status(stream.state())).toBe('open');
  });
});
