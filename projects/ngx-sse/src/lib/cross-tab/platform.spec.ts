import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SSE_CHANNEL_FACTORY, SSE_LOCK_MANAGER, SSE_PAGE_LIFECYCLE } from 'ngx-sse';

describe('cross-tab browser tokens', () => {
  it('are the browser APIs in a browser', () => {
    expect(TestBed.inject(SSE_LOCK_MANAGER)).toBe(navigator.locks);
    const channel = TestBed.inject(SSE_CHANNEL_FACTORY)!('ngx-sse:spec');
    expect(channel).toBeInstanceOf(BroadcastChannel);
    channel.close();
  });

  it('are absent on the server, so nothing is shared there', () => {
    TestBed.configureTestingModule({ providers: [{ provide: PLATFORM_ID, useValue: 'server' }] });
    expect(TestBed.inject(SSE_LOCK_MANAGER)).toBeNull();
    expect(TestBed.inject(SSE_CHANNEL_FACTORY)).toBeNull();
    const phases: string[] = [];
    TestBed.inject(SSE_PAGE_LIFECYCLE)((phase) => phases.push(phase))();
    expect(phases).toEqual([]);
  });

  it('report pagehide as hide and a bfcache pageshow as show', () => {
    const phases: string[] = [];
    const off = TestBed.inject(SSE_PAGE_LIFECYCLE)((phase) => phases.push(phase));
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    off();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(phases).toEqual(['hide', 'show']);
  });
});
