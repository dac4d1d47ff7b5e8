// What a README code block without imports of its own can use (the convention is described in
// scripts/check-docs.ts): everything both entry points export, and the Angular and RxJS names the
// examples show. A block that has imports is a complete module and gets none of these.
export * from 'ngx-sse';
export * from 'ngx-sse/testing';
export {
  type ApplicationConfig,
  Component,
  DestroyRef,
  Injectable,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
export { toSignal } from '@angular/core/rxjs-interop';
export { TestBed } from '@angular/core/testing';
export { bootstrapApplication } from '@angular/platform-browser';
export { filter, map, scan } from 'rxjs';
