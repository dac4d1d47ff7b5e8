import { TestBed } from '@angular/core/testing';
import { SseTestingController } from 'ngx-sse/testing';

import { provideLiveTesting } from '../testing/live-testing';
import { EventLog, LOG_LIMIT } from './event-log';
import { Session } from './session';

describe('EventLog', () => {
  function start() {
    const log = TestBed.inject(EventLog);
    TestBed.inject(Session).user.set('alice');
    TestBed.tick();
    const connection = TestBed.inject(SseTestingController).expectConnection('/api/events');
    connection.open();
    return { log, connection };
  }

  beforeEach(() => TestBed.configureTestingModule({ providers: [provideLiveTesting()] }));

  it('logs every name, newest first, with the payload exactly as the server sent it', () => {
    const { log, connection } = start();
    connection.emit('notification', '{"id":"n1",  "title":"Spaced"}', '1');
    connection.emit('brand-new-name', 'not json at all', '2');
    TestBed.tick();
    expect(log.entries().map(({ type, data, lastEventId }) => [type, data, lastEventId])).toEqual([
      ['brand-new-name', 'not json at all', '2'],
      ['notification', '{"id":"n1",  "title":"Spaced"}', '1'],
    ]);
  });

  it(`keeps the last ${LOG_LIMIT} entries`, () => {
    const { log, connection } = start();
    const total = 2 * LOG_LIMIT + 3;
    for (let i = 1; i <= total; i++) connection.emit('metric', `${i}`, `${i}`);
    TestBed.tick();
    const entries = log.entries();
    expect(entries.length).toBe(LOG_LIMIT);
    expect(entries[0].data).toBe(`${total}`);
    expect(entries[LOG_LIMIT - 1].data).toBe(`${total - LOG_LIMIT + 1}`);
  });
});
