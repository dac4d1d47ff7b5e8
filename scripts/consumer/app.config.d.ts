// Stands in, for `tsc -p scripts` only, for the app.config.ts that `ng new` generates and
// `ng add ngx-sse` edits in the consumer app; it is not copied there.
import type { ApplicationConfig } from '@angular/core';

export declare const appConfig: ApplicationConfig;
