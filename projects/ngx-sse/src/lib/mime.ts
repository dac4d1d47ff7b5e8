// HTTP whitespace, as the MIME Sniffing standard defines it.
const WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * The essence (`type/subtype`, lower case) of a `Content-Type` value, parsed by the WHATWG MIME
 * Sniffing rules as browsers' `EventSource` does: whitespace around the type and before `;` is
 * allowed, parameters are ignored; `''` when it is not a valid MIME type.
 *
 * @example
 * mimeEssence('Text/Event-Stream ; charset=utf-8'); // 'text/event-stream'
 */
export function mimeEssence(value: string): string {
  const [essence] = value.split(';');
  const match = /^([!#$%&'*+.^_`|~\w-]+)\/([!#$%&'*+.^_`|~\w-]+)$/.exec(
    essence.replace(WHITESPACE, ''),
  );
  return match ? `${match[1]}/${match[2]}`.toLowerCase() : '';
}
