import { type Signal, type WritableSignal, signal } from '@angular/core';
import { BehaviorSubject, type Observable } from 'rxjs';

/** A value readable both as a Signal and as an Observable, written from one place. */
export class Store<T> {
  readonly #value: WritableSignal<T>;
  readonly #subject: BehaviorSubject<T>;
  readonly signal: Signal<T>;
  readonly changes: Observable<T>;

  constructor(initial: T) {
    this.#value = signal(initial);
    this.#subject = new BehaviorSubject(initial);
    this.signal = this.#value.asReadonly();
    this.changes = this.#subject;
  }

  /** The current value, without registering a signal dependency. */
  get(): T {
    return this.#subject.value;
  }

  set(next: T): void {
    this.#value.set(next);
    this.#subject.next(next);
  }

  update(change: Partial<T>): void {
    this.set({ ...this.get(), ...change });
  }
}
