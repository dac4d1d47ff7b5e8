import type { FollowerMessage } from './messages';

/**
 * The event names a leader's real connection listens to: its own subscribers' and every
 * follower's, as followers announce them. A follower that dies without a goodbye leaves its names
 * behind until the next leader; listening to a name nobody uses costs nothing but bytes.
 *
 * @example
 * const names = new TabNames(() => local.types);
 * names.apply({ k: 'listen', from: 'tab-2', type: 'job-progress' }); // → { added: ['job-progress'], removed: [] }
 */
export class TabNames {
  readonly #tabs = new Map<string, Set<string>>();
  readonly #local: () => Iterable<string>;

  constructor(local: () => Iterable<string>) {
    this.#local = local;
  }

  /** Every name some tab listens to. */
  all(): Set<string> {
    const names = new Set(this.#local());
    this.#tabs.forEach((types) => types.forEach((type) => names.add(type)));
    return names;
  }

  /** Records a follower's announcement; returns the names the union gained and lost. */
  apply(message: FollowerMessage): { added: string[]; removed: string[] } {
    const before = this.all();
    const { from } = message;
    if (message.k === 'hello') this.#tabs.set(from, new Set(message.types));
    else if (message.k === 'listen') this.#tabs.get(from)?.add(message.type);
    else if (message.k === 'unlisten') this.#tabs.get(from)?.delete(message.type);
    else this.#tabs.delete(from);
    const after = this.all();
    return {
      added: [...after].filter((type) => !before.has(type)),
      removed: [...before].filter((type) => !after.has(type)),
    };
  }

  clear(): void {
    this.#tabs.clear();
  }
}
