// The native-transport app with provideSse(withCrossTabSharing()): one connection for all tabs.
import { provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { SseClient, provideSse, withCrossTabSharing } from 'ngx-sse';

void createApplication({
  providers: [provideZonelessChangeDetection(), provideSse(withCrossTabSharing())],
}).then((app) =>
  app.injector
    .get(SseClient)
    .stream<{ notification: { title: string } }>('/api/events')
    .on('notification')
    .subscribe(({ data }) => console.log(data.title)),
);
