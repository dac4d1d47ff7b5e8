import { utf8 } from './conformance-vector.spec-helper';

type Random = () => number;

const NAMES = ['data', 'data', 'data', 'event', 'id', 'retry', 'Data', 'ID', 'x', 'data ', ''];
const CHARS = [
  'a',
  'Z',
  '0',
  '7',
  ' ',
  ' ',
  ':',
  '{',
  '"',
  '\t',
  '\0',
  'é',
  '€',
  '日',
  '😀',
  '\uFEFF',
];
const RETRIES = ['1000', '0', '42', '1.5', '-1', ' 9', 'abc', ''];
const ENDINGS = ['\n', '\r', '\r\n'];
// Each is invalid or truncated UTF-8; the decoder must turn it into U+FFFD wherever it lands.
const BAD_BYTES = [[0xff], [0xe2, 0x82], [0xc0, 0x80], [0xf0, 0x9f, 0x98], [0x80]];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function randomValue(random: Random): (string | number[])[] {
  const parts: (string | number[])[] = [];
  const length = Math.floor(random() * 12);
  for (let i = 0; i < length; i++) {
    parts.push(random() < 0.03 ? pick(random, BAD_BYTES) : pick(random, CHARS));
  }
  return parts;
}

function randomLine(random: Random): (string | number[])[] {
  const roll = random();
  if (roll < 0.2) return [];
  if (roll < 0.3) return [':', ...randomValue(random)];
  const name = pick(random, NAMES);
  if (random() < 0.1) return [name];
  const separator = pick(random, [':', ': ', ':  ']);
  if (name === 'retry') return [name, separator, pick(random, RETRIES)];
  return [name, separator, ...randomValue(random)];
}

/**
 * A random event stream: fields valid and not, comments, blank lines, all three line endings,
 * BOMs, multi-byte and invalid UTF-8, and sometimes an unterminated tail.
 *
 * @example
 * const bytes = randomStream(mulberry32(7));
 */
export function randomStream(random: Random): Uint8Array {
  const parts: (string | number[])[] = [];
  if (random() < 0.3) parts.push('\uFEFF');
  if (random() < 0.1) parts.push('\uFEFF');
  const lines = 20 + Math.floor(random() * 200);
  for (let i = 0; i < lines; i++) parts.push(...randomLine(random), pick(random, ENDINGS));
  if (random() < 0.5) parts.push(...randomLine(random));
  return utf8(...parts);
}

/**
 * Cuts `bytes` into chunks of 0 to `maxSize` bytes, so cuts land inside characters and CRLFs.
 *
 * @example
 * randomChunks(bytes, mulberry32(1), 5);
 */
export function randomChunks(bytes: Uint8Array, random: Random, maxSize: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length;) {
    const size = Math.floor(random() * (maxSize + 1));
    chunks.push(bytes.subarray(i, i + size));
    i += size;
  }
  return chunks;
}
