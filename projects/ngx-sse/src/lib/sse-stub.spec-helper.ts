// Helpers for specs against the real HTTP endpoint Karma serves: projects/ngx-sse/karma-sse-stub.cjs.

/** What the stub's `echo` event says about the request it answers. */
export interface Echo {
  count: number;
  method: string;
  body: string;
  accept: string | null;
  authorization: string | null;
  lastEventId: string | null;
  /** The request's path and query, as the stub received it. */
  url: string;
}

/** The events the stub sends. */
export interface StubEvents {
  echo: Echo;
  a: number;
  b: number;
  held: { held: boolean; authorization: string | null; lastEventId: string | null };
  big: string;
}

let keys = 0;

/** A key of its own per spec: the stub counts requests per key. */
export const uniqueKey = () => `k${Date.now()}-${keys++}`;

/** How many requests the stub saw for `key`, and whether a client disconnected. */
export const stats = async (key: string): Promise<{ count: number; closed: boolean }> =>
  (await fetch(`/sse-stub/stats?key=${key}`)).json();

/** Polls until `check` holds; real network and timers, so generous limits. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 5000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
