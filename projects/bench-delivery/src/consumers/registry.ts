import type { ConsumerSetup } from './consumer';
import { librarySetups } from './ngx-sse';
import { rawEventSource, rawEventSourceIds } from './raw-event-source';
import { rawFetch } from './raw-fetch';
import { sseResourceSetup } from './sse-resource';

/** Every consumer the page can run, by the `?consumer=` name the script passes. */
export const consumers: Record<string, ConsumerSetup> = {
  'raw-event-source': { providers: [], start: rawEventSource },
  'raw-event-source-ids': { providers: [], start: rawEventSourceIds },
  'raw-fetch': { providers: [], start: rawFetch },
  ...librarySetups,
  'sse-resource': sseResourceSetup,
};
