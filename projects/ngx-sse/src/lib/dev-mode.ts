declare const ngDevMode: boolean | undefined;

/** True in development builds; app builds define `ngDevMode` false and drop the guarded code. */
export function isDevMode(): boolean {
  return typeof ngDevMode === 'undefined' || !!ngDevMode;
}
