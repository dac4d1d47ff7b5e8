import { Injectable } from '@angular/core';
import type { SseRequest } from 'ngx-sse';

import type { TestConnection } from './test-connection';

/**
 * A URL to match exactly, or a predicate on the request.
 *
 * @example
 * controller.expectConnection((request) => request.url.startsWith('/api/events'));
 */
export type ConnectionMatch = string | ((request: SseRequest) => boolean);

/**
 * Options of {@link SseTestingController.verify}.
 *
 * @example
 * controller.verify({ ignoreCancelled: true });
 */
export interface VerifyOptions {
  /** Do not fail on unexpected connections the client already closed. */
  readonly ignoreCancelled?: boolean;
}

const connections = new WeakMap<
  SseTestingController,
  { all: TestConnection[]; pending: TestConnection[] }
>();

/** Records an attempt of the testing backend; not part of the kit's API. */
export function recordConnection(
  controller: SseTestingController,
  connection: TestConnection,
): void {
  const lists = listsOf(controller);
  lists.all.push(connection);
  lists.pending.push(connection);
}

function listsOf(controller: SseTestingController) {
  let lists = connections.get(controller);
  if (!lists) connections.set(controller, (lists = { all: [], pending: [] }));
  return lists;
}

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
  /** Every pending connection that matches, taken off the pending list. */
  match(match: ConnectionMatch): TestConnection[] {
    const lists = listsOf(this);
    const test = toPredicate(match);
    const found = lists.pending.filter((connection) => test(connection.request));
    lists.pending = lists.pending.filter((connection) => !found.includes(connection));
    return found;
  }

  /** Exactly one pending matching connection; otherwise throws, listing the connections made. */
  expectConnection(match: ConnectionMatch): TestConnection {
    const found = this.match(match);
    if (found.length !== 1) {
      throw new Error(
        `ngx-sse/testing: expected one connection to ${describe(match)}, found ${found.length}. ${this.#list()}`,
      );
    }
    return found[0];
  }

  /** Throws if a pending connection matches. */
  expectNone(match: ConnectionMatch): void {
    const found = this.match(match);
    if (found.length) {
      throw new Error(
        `ngx-sse/testing: expected no connection to ${describe(match)}, found ${found.length}. ${this.#list()}`,
      );
    }
  }

  /**
   * Throws if a connection was made that no expectation took: strict by default, so a reconnect
   * the test did not expect fails it; `ignoreCancelled` accepts ones the client already closed.
   */
  verify(options: VerifyOptions = {}): void {
    const left = listsOf(this).pending.filter(
      (connection) => !(options.ignoreCancelled && connection.cancelled),
    );
    if (left.length) {
      throw new Error(
        `ngx-sse/testing: ${left.length} unexpected connection(s): ${left.map(label).join(', ')}`,
      );
    }
  }

  #list(): string {
    const { all } = listsOf(this);
    return all.length
      ? `Connections made: ${all.map(label).join(', ')}.`
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
  const { url, request } = connection;
  const resume = request.lastEventId ? ` from id ${request.lastEventId}` : '';
  return `${url} [${request.transport}]${resume} (${connection.cancelled ? 'closed' : 'open'})`;
}
