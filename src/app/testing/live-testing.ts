import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideSse, withFetchTransport } from 'ngx-sse';
import { SseTestingController, type TestConnection, provideSseTesting } from 'ngx-sse/testing';

import type { Notification } from '../core/api';
import { Session } from '../core/session';

/**
 * Providers for testing a feature against the real stores: the SSE and HTTP fakes, and a router
 * because LiveStream injects one. Shared by every feature's specs.
 */
export function provideLiveTesting(): (Provider | EnvironmentProviders)[] {
  return [
    provideSseTesting(),
    // As app.config: streams that ask for fetch (the settings) get it, EventSource stays default.
    provideSse(withFetchTransport({ default: false })),
    provideHttpClient(),
    provideHttpClientTesting(),
    provideRouter([]),
  ];
}

/** Answers the notification list the store loads at sign-in with an empty one. */
export function flushNotificationList(items: unknown[] = []): void {
  TestBed.inject(HttpTestingController)
    .match({ method: 'GET', url: '/api/notifications' })
    .forEach((request) => request.flush({ items }));
}

/** Signs in as alice, lets the live resources open `/api/events` and accepts the connection. */
export async function openLiveStream(fixture: ComponentFixture<unknown>): Promise<TestConnection> {
  TestBed.inject(Session).user.set('alice');
  await fixture.whenStable();
  flushNotificationList();
  const connection = TestBed.inject(SseTestingController).expectConnection('/api/events');
  connection.open();
  return connection;
}

/**
 * Waits until work started by an HTTP reply has rendered. Test HTTP requests do not hold the app
 * unstable, and the reply resolves through a few promise hops, so whenStable() alone can be early.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/** A notification as the server sends it, created now; `overrides` set what a spec cares about. */
export function notification(id: string, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    level: 'INFO',
    title: `Title ${id}`,
    message: '',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}
