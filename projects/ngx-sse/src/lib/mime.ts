// HTTP whitespace, as the MIME Sniffing standard defines it.
const WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
// The values of a combined header (`a, b`): split at commas outside double quotes.
const VALUES = /(?:[^,"]|"(?:[^"\\]|\\.)*"?)+/g;

/** The essence of one MIME type value, lower case; `''` when it is not a valid one. */
function essenceOf(value: string): string {
  const [essence] = value.split(';');
  const match = /^([!#$%&'*+.^_`|~\w-]+)\/([!#$%&'*+.^_`|~\w-]+)$/.exec(
    essence.replace(WHITESPACE, ''),
  );
  return match ? `${match[1]}/${match[2]}`.toLowerCase() : '';
}

/**
 * The essence (`type/subtype`, lower case) of a `Content-Type` header, extracted as the Fetch
 * standard says and browsers' `EventSource` does: a header sent twice arrives combined
 * (`text/html, text/event-stream`) and its last valid type other than `*\/*` counts; whitespace
 * around a type and before `;` is allowed, parameters are ignored; `''` when there is none.
 *
 * Exported to the testing kit as `ɵmimeEssence`, so its checks read a type as the transports do;
 * not part of the public API.
 *
 * @example
 * mimeEssence('Text/Event-Stream ; charset=utf-8'); // 'text/event-stream'
 * mimeEssence('text/html, text/event-stream'); // 'text/event-stream'
 *
 * @hidden
 */
export function mimeEssence(header: string): string {
  let found = '';
  for (const value of header.match(VALUES) ?? []) {
    const essence = essenceOf(value);
    if (essence && essence !== '*/*') found = essence;
  }
  return found;
}
