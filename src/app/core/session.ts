import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { SessionBody, SessionStatus } from './api';
import { SignInChannel } from './sign-in-channel';

/** The login page's notice when another tab of this browser logged out. */
export const LOGGED_OUT_ELSEWHERE =
  'You logged out in another tab of this browser. Sign in again to go on.';

/**
 * The BFF-style session: the mock server sets an HttpOnly cookie on login, so the stream
 * authenticates with credentials and the app never touches a token. The cookie is the browser's,
 * so a sign-in in one tab is followed by the others, and a logout in one ends the others'
 * sessions too, which they then name as the reason rather than an expiry (see SignInChannel).
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly channel = inject(SignInChannel);
  /** The signed-in username, or null. */
  readonly user = signal<string | null>(null);
  /** Why the user was sent to the login page, shown there. */
  readonly notice = signal<string | null>(null);
  /** Another tab logged out while this one was signed in: why this tab's session is gone. */
  private loggedOutElsewhere = false;

  constructor() {
    this.channel.listen(
      () => {
        // Signed in again in another tab: a later expiry here is not that logout.
        this.loggedOutElsewhere = false;
        void this.follow();
      },
      () => (this.loggedOutElsewhere = this.user() !== null),
    );
  }

  /** Restores an existing session (after a reload); resolves whether there is one. */
  async restore(): Promise<boolean> {
    const username = await this.probe().catch(() => null);
    this.user.set(username);
    return username !== null;
  }

  /**
   * Asks the server who is signed in: a username, or null without a live session (a 200 either
   * way, so a signed-out first load logs no failed request). Rejects when the server fails.
   */
  async probe(): Promise<string | null> {
    return (await firstValueFrom(this.http.get<SessionStatus>('/api/session'))).username;
  }

  async login(username: string): Promise<void> {
    const body = await firstValueFrom(
      this.http.post<SessionBody>('/api/session', { username } satisfies SessionBody),
    );
    this.loggedOutElsewhere = false;
    this.notice.set(null);
    this.user.set(body.username);
    this.channel.announce();
  }

  /** Takes over a sign-in another tab made; a failed probe leaves this tab as it was. */
  private async follow(): Promise<void> {
    if (this.user() !== null) return;
    const username = await this.probe().catch(() => null);
    if (username === null) return;
    this.loggedOutElsewhere = false;
    this.notice.set(null);
    this.user.set(username);
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.delete('/api/session'));
    } catch (error) {
      // An already expired session is logged out all the same.
      if (!(error instanceof HttpErrorResponse && error.status === 401)) throw error;
    }
    this.user.set(null);
    this.channel.announce('signed-out');
  }

  /**
   * Drops a session the server no longer knows, with a notice for the login page: `notice`, or
   * that another tab logged out, when one did.
   */
  expire(notice: string): void {
    this.notice.set(this.loggedOutElsewhere ? LOGGED_OUT_ELSEWHERE : notice);
    this.loggedOutElsewhere = false;
    this.user.set(null);
  }
}
