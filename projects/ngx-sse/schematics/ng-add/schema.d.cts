/** Options of `ng add ngx-sse`, as declared in `schema.json`. */
export interface NgAddOptions {
  /** The application project; the CLI fills in the current or default project. */
  project?: string;
  /** `eventsource` adds `provideSse()`, `fetch` adds `provideSse(withFetchTransport())`. */
  transport: 'eventsource' | 'fetch';
}
