import { mimeEssence } from './mime';

describe('mimeEssence (the Fetch standard\'s "extract a MIME type")', () => {
  it('reads one value: case, whitespace before `;` and parameters do not matter', () => {
    expect(mimeEssence('Text/Event-Stream ; charset=utf-8')).toBe('text/event-stream');
    expect(mimeEssence('  text/event-stream  ')).toBe('text/event-stream');
    expect(mimeEssence('text/event stream')).toBe('');
    expect(mimeEssence('')).toBe('');
  });

  it('reads a header sent twice as browsers do: the last valid type other than */* counts', () => {
    expect(mimeEssence('text/html, text/event-stream')).toBe('text/event-stream');
    expect(mimeEssence('text/event-stream, text/html')).toBe('text/html');
    expect(mimeEssence('text/event-stream, */*')).toBe('text/event-stream');
    expect(mimeEssence('text/event-stream, nonsense')).toBe('text/event-stream');
    expect(mimeEssence('text/event-stream; x="a, b"')).toBe('text/event-stream');
  });
});
