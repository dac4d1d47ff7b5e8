import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject } from '@angular/core';

const CHANNEL = 'sse-dashboard.sign-in';
/** What one tab tells the others: a sign-in, or a logout. */
export type SignInEvent = 'signed-in' | 'signed-out';

/**
 * Tells the dashboard's other tabs in this browser that a sign-in or a logout happened. A tab on
 * the login page has no stream to learn of a sign-in from. A logout ends every tab's stream at
 * the server, and each tab then finds its session gone; the word only lets those tabs say why
 * (a logout elsewhere, not an expiry). The message carries no name: a tab that hears of a sign-in
 * asks the server, which the shared cookie answers. Without `BroadcastChannel` it does nothing.
 *
 * @example
 * const channel = inject(SignInChannel);
 * channel.listen(() => void session.restore(), () => (loggedOutElsewhere = true));
 * channel.announce(); // after this tab signed in
 * channel.announce('signed-out'); // after this tab logged out
 */
@Injectable({ providedIn: 'root' })
export class SignInChannel {
  private readonly channel = openChannel(inject(DOCUMENT).defaultView);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.channel?.close());
  }

  /** Tells the other tabs (a channel never hears its own messages). */
  announce(event: SignInEvent = 'signed-in'): void {
    this.channel?.postMessage(event);
  }

  /** Calls `onSignIn` whenever another tab signed in, `onSignOut` whenever one logged out. */
  listen(onSignIn: () => void, onSignOut: () => void = () => undefined): void {
    this.channel?.addEventListener('message', ({ data }) => {
      if (data === 'signed-in') onSignIn();
      if (data === 'signed-out') onSignOut();
    });
  }
}

function openChannel(view: (Window & typeof globalThis) | null): BroadcastChannel | null {
  return view && typeof view.BroadcastChannel === 'function'
    ? new view.BroadcastChannel(CHANNEL)
    : null;
}
