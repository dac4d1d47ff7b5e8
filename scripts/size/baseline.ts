// The smallest zoneless Angular app, for comparison with `with-sse.ts`.
import { provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';

void createApplication({ providers: [provideZonelessChangeDetection()] }).then((app) =>
  console.log(app.injector),
);
