// The same app on the fetch transport: provideSse(withFetchTransport()) and a `transport: 'fetch'` stream.
import { provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { SseClient, provideSse, withFetchTransport } from 'ngx-sse';

void createApplication({
  providers: [provideZonelessChangeDetection(), provideSse(withFetchTransport())],
}).then((app) =>
  app.injector
    .get(SseClient)
    .stream<{ notification: { title: string } }>('/api/events', { transport: 'fetch' })
    .on('notification')
    .subscribe(({ data }) => console.log(data.title)),
);
