import type { PendingFault } from './faults.ts';
import type { History } from './history.ts';
import type { JobBoard } from './jobs.ts';
import type { Recent } from './recent.ts';
import type { Notification } from './wire.ts';

/** Everything the server keeps per logged-in user. */
export interface UserState {
  history: History;
  jobs: JobBoard;
  faults: PendingFault;
  /** The notifications the user received (own and broadcast), for `GET /api/notifications`. */
  notifications: Recent<Notification>;
  /** Which of those the user has read; only ids still among them are kept. */
  read: Set<string>;
  /** Request counts for `/api/debug/stats`. */
  counters: { chatRequests: number };
}

/**
 * Per-user state, alive while the user has at least one session: created at login, dropped
 * (timers included) when the last session ends, so memory follows the active users.
 */
export class Users {
  private readonly states = new Map<string, UserState>();

  constructor(private readonly create: (user: string) => UserState) {}

  /** The user's state, created on first use. */
  ensure(user: string): UserState {
    let state = this.states.get(user);
    if (!state) this.states.set(user, (state = this.create(user)));
    return state;
  }

  /** The user's state, if the user is logged in. */
  get(user: string): UserState | undefined {
    return this.states.get(user);
  }

  /** Every logged-in user with their state. */
  entries(): Iterable<[string, UserState]> {
    return this.states.entries();
  }

  /** Every logged-in user's state. */
  all(): Iterable<UserState> {
    return this.states.values();
  }

  /** Forgets the user, stopping its jobs. */
  delete(user: string): void {
    this.states.get(user)?.jobs.dispose();
    this.states.delete(user);
  }

  /** Forgets everyone (server shutdown). */
  clear(): void {
    for (const user of [...this.states.keys()]) this.delete(user);
  }
}
