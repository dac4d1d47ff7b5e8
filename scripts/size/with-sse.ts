// The same app, injecting SseClient and subscribing with the default (native EventSource) transport.
import { provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { SseClient } from 'ngx-sse';

void createApplication({ providers: [provideZonelessChangeDetection()] }).then((app) =>
  app.injector
    .get(SseClient)
    .stream<{ notification: { title: string } }>('/api/events')
    .on('notification')
    .subscribe(({ data }) => console.log(data.title)),
);
