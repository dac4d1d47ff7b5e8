/**
 * Builds the `MessageEvent` a browser's EventSource would dispatch, for tests that drive
 * code written against the raw DOM type.
 *
 * @example
 * const event = sseEvent('notification', { title: 'Hi' }, '7');
 * expect(event.lastEventId).toBe('7');
 */
export function sseEvent(type: string, data: unknown, id = ''): MessageEvent<string> {
  return new MessageEvent(type, {
    data: typeof data === 'string' ? data : JSON.stringify(data),
    lastEventId: id,
  });
}
