import { Injectable } from '@angular/core';
import type { SseRequest } from 'ngx-sse';

import type { TestConnection } from './test-connection';

/** A URL to match exactly, or a predicate on the request. */
export type ConnectionMatch = string | ((request: SseRequest) => boolean);

/**
 * Asserts which connections the client made, as `HttpTestingController` does for requests.
 * Expected connections are taken off the pending list; `verify()` fails on any left over.
 *
 * @example
 * const controller = TestBed.inject(SseTestingController);
 * const connection = controller.expectConnection('/api/events');
 * connection.open();
 * controller.verify();
 */
@Injectable()
export class SseTestingController {
  private readonly all: TestConnection[] = [];
  private pending: TestConnection[] = [];

  /** @internal called by the testing backend for every connection attempt */
  register(connection: TestConnection): void {
    this.all.push(connection);
    this.pending.push(connection);
  }

  /** Every pending connection that matches, taken off the pending list. */
  match(match: ConnectionMatch): TestConnection[] {
    const test = toPredicate(match);
    const found = this.pending.filter((connection) => test(connection.request));
    this.pending = this.pending.filter((connection) => !found.includes(connection));
    return found;
  }

  /** Exactly one pending matching connection; otherwise throws, listing the connections there are. */
  expectConnection(match: ConnectionMatch): TestConnection {
    const found = this.match(match);
    if (found.length !== 1) {
      throw new Error(
        `ngx-sse/testing: expected one connection to ${describe(match)}, found ${found.length}. ${this.list()}`,
      );
    }
    return found[0];
  }

  /** Throws if a pending connection matches. */
  expectNone(match: ConnectionMatch): void {
    const found = this.match(match);
    if (found.length) {
      throw new Error(
        `ngx-sse/testing: expected no connection to ${describe(match)}, found ${found.length}. ${this.list()}`,
      );
    }
  }

  /** Throws if a connection was made that no expectation took, and is still open. */
  verify(): void {
    const open = this.pending.filter((connection) => !connection.cancelled);
    if (open.length) {
      throw new Error(
        `ngx-sse/testing: ${open.length} unexpected open connection(s): ${open.map(label).join(', ')}`,
      );
    }
  }

  private list(): string {
    return this.all.length
      ? `Connections made: ${this.all.map(label).join(', ')}.`
      : 'No connection was made.';
  }
}

function toPredicate(match: ConnectionMatch): (request: SseRequest) => boolean {
  return typeof match === 'string' ? (request) => request.url === match : match;
}

function describe(match: ConnectionMatch): string {
  return typeof match === 'string' ? match : 'a matching request';
}

function label(connection: TestConnection): string {
  const resume = connection.request.lastEventId ? ` from id ${connection.request.lastEventId}` : '';
  return `${connection.url}${resume} (${connection.cancelled ? 'closed' : 'open'})`;
}
