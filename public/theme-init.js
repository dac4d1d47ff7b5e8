// The theme chosen in the user menu, applied before the first paint (no flash of the other
// scheme). A file, not an inline script, so the Content-Security-Policy needs no 'unsafe-inline';
// src/app/shell/theme.ts owns the key and keeps the class up to date afterwards.
try {
  const choice = localStorage.getItem('sse-dashboard.theme');
  if (choice === 'light' || choice === 'dark') {
    document.documentElement.classList.add('theme-' + choice);
  }
} catch {
  // No storage (private mode, blocked): the system scheme applies.
}
