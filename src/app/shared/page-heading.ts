/**
 * Moves keyboard focus to the current page's heading (`main h2`), made focusable by script only
 * so it stays out of the Tab order. Used where the focused control goes away: a route change, a
 * banner or an error box whose button made it vanish. Otherwise focus falls to the document,
 * the next Tab starts from the top of the page and a screen reader is told nothing. A route
 * change keeps the scroll where the router put it (`preventScroll`); a button pressed far down
 * a page passes `{}`, so the focused heading is scrolled into view.
 *
 * @example
 * focusPageHeading(inject(DOCUMENT));
 */
export function focusPageHeading(
  root: ParentNode,
  options: FocusOptions = { preventScroll: true },
): void {
  const heading = root.querySelector<HTMLElement>('main h2');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus(options);
}
