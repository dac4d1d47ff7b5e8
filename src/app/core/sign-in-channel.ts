import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject } from '@angular/core';

const CHANNEL = 'sse-dashboard.sign-in';
const SIGNED_IN = 'signed-in';

/**
 * Tells the dashboard's other tabs in this browser that a sign-in happened. Logout needs no such
 * word (the server ends every tab's stream, and each tab then asks who is signed in), but a tab
 * on the login page has no stream to learn from. The message carries no name: a tab that hears
 * it asks the server, which the shared cookie answers. Without `BroadcastChannel` it does nothing.
 *
 * @example
 * const channel = inject(SignInChannel);
 * channel.listen(() => void session.restore());
 * channel.announce(); // after this tab signed in
 */
@Injectable({ providedIn: 'root' })
export class SignInChannel {
  private readonly channel = openChannel(inject(DOCUMENT).defaultView);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.channel?.close());
  }

  /** Tells the other tabs (a channel never hears its own messages). */
  announce(): void {
    this.channel?.postMessage(SIGNED_IN);
  }

  /** Calls `onSignIn` whenever another tab signed in. */
  listen(onSignIn: () => void): void {
    this.channel?.addEventListener('message', ({ data }) => {
      if (data === SIGNED_IN) onSignIn();
    });
  }
}

function openChannel(view: (Window & typeof globalThis) | null): BroadcastChannel | null {
  return view && typeof view.BroadcastChannel === 'function'
    ? new view.BroadcastChannel(CHANNEL)
    : null;
}
