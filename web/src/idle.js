// idle.js — work the page can wait for: run at its next idle moment (requestIdleCallback), at the
// latest after `timeout` ms; where there are no idle callbacks (Safari), after a short timer.
// Returns a function that cancels it.
export function whenIdle(fn, timeout) {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(() => fn(), { timeout });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(fn, Math.min(timeout, 200));
  return () => clearTimeout(h);
}
