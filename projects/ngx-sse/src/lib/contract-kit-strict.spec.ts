import { SseTestingController } from 'ngx-sse/testing';

import { type ContractEvents, contractSetup } from './contract.spec-helper';

describe('contract: testing kit strictness', () => {
  it('expectConnection with no match lists the connections that were made', () => {
    const { client, controller } = contractSetup();
    const sub = client.stream<ContractEvents>('/made?x=1').on('a').subscribe();
    expect(() => controller.expectConnection('/other')).toThrowError(
      /expected one connection to \/other, found 0\. Connections made: \/made\?x=1 \[eventsource\]/,
    );
    controller.expectConnection('/made?x=1');
    sub.unsubscribe();
  });

  it('expectConnection with two matches throws, counting them', () => {
    const { client, controller } = contractSetup();
    const post = (body: string) =>
      client
        .stream<ContractEvents>('/p', { transport: 'fetch', method: 'POST', body })
        .on('a')
        .subscribe();
    post('1');
    post('2');
    expect(() => controller.expectConnection('/p')).toThrowError(/found 2/);
  });

  it('matches by a predicate on URL params', () => {
    const { client, controller } = contractSetup();
    client.stream<ContractEvents>('/q?topic=a').on('a').subscribe();
    client.stream<ContractEvents>('/q?topic=b').on('a').subscribe();
    const b = controller.expectConnection(
      (r) => new URL(r.url, 'http://x').searchParams.get('topic') === 'b',
    );
    expect(b.url).toBe('/q?topic=b');
    expect(controller.match((r) => r.url.startsWith('/q')).length).toBe(1);
    controller.verify();
  });

  it('verify() names each unexpected connection, open or closed; ignoreCancelled skips closed ones', () => {
    const { client, controller } = contractSetup();
    client.stream<ContractEvents>('/v1').on('a').subscribe().unsubscribe();
    client.stream<ContractEvents>('/v2').on('a').subscribe();
    expect(() => controller.verify()).toThrowError(
      'ngx-sse/testing: 2 unexpected connection(s): /v1 [eventsource] (closed), /v2 [eventsource] (open)',
    );
    expect(() => controller.verify({ ignoreCancelled: true })).toThrowError(/1 unexpected.*\/v2/);
  });

  it('acting on a cancelled connection throws a message naming the action and the URL', () => {
    const { client, controller } = contractSetup();
    const sub = client.stream<ContractEvents>('/gone').on('a').subscribe();
    const c = controller.expectConnection('/gone');
    c.open();
    sub.unsubscribe();
    for (const act of [
      () => c.emit('a', { n: 1 }),
      () => c.fail(),
      () => c.end(),
      () => c.comment(),
    ]) {
      expect(act).toThrowError(/ngx-sse\/testing: .*\/gone/);
    }
  });

  it('emit before open() is a misuse', () => {
    const { client, controller } = contractSetup();
    client.stream<ContractEvents>('/early').on('a').subscribe();
    const c = controller.expectConnection('/early');
    expect(() => c.emit('a', { n: 1 })).toThrowError(/ngx-sse\/testing/);
  });

  it('the controller is injectable from the testing entry', () => {
    const { controller } = contractSetup();
    expect(controller).toBeInstanceOf(SseTestingController);
  });
});
