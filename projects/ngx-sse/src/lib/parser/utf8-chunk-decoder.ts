// A TextDecoder call costs ~100 ns, which dominates when a transport hands over single bytes.
const ASCII: readonly string[] = /* @__PURE__ */ Array.from({ length: 128 }, (_, i) =>
  String.fromCharCode(i),
);

/**
 * Whether a stream-mode decoder that just consumed `bytes` still holds the start of a character.
 * Only a valid prefix at the very end can be held; anything before it was already emitted as text
 * or U+FFFD. Errs towards `true`, which merely keeps the slower stream mode one chunk longer.
 */
function endsMidCharacter(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let k = 0;
  while (k < 3 && k < n && (bytes[n - 1 - k] & 0xc0) === 0x80) k++;
  if (k === n) return true;
  const lead = bytes[n - 1 - k];
  return k + 1 < (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1);
}

/**
 * Decodes a UTF-8 byte stream chunk by chunk with exactly the output of a stream-mode
 * `TextDecoder` (invalid bytes become U+FFFD, characters may span chunks), except that a BOM is
 * kept: the caller strips the stream's first one. Stream mode is used only while a character may
 * span chunks, because engines decode whole buffers several times faster (Node 20: ~6x).
 *
 * @example
 * const decoder = new Utf8ChunkDecoder();
 * decoder.decode(Uint8Array.of(0xe2, 0x82)); // ''
 * decoder.decode(Uint8Array.of(0xac)); // '€'
 */
export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private holdsBytes = false;

  /**
   * The text completed by `chunk`, holding back the bytes of a character it leaves unfinished.
   *
   * @example
   * new Utf8ChunkDecoder().decode(new TextEncoder().encode('data: é\n')); // 'data: é\n'
   */
  decode(chunk: Uint8Array): string {
    if (chunk.length === 0) return '';
    if (this.holdsBytes || endsMidCharacter(chunk)) {
      const text = this.decoder.decode(chunk, { stream: true });
      this.holdsBytes = endsMidCharacter(chunk);
      return text;
    }
    // Neither side of the chunk cuts a character, so a one-shot decode gives the same text.
    return chunk.length === 1 ? ASCII[chunk[0]] : this.decoder.decode(chunk);
  }

  /**
   * Drops a held partial character, for a new stream. It is not emitted as U+FFFD: it would only
   * complete an unterminated line, which the event stream rules discard anyway.
   *
   * @example
   * decoder.reset();
   */
  reset(): void {
    if (this.holdsBytes) this.decoder.decode();
    this.holdsBytes = false;
  }
}
