/**
 * The page events the outbox listens to: `online` and `visibilitychange` (a tablet waking up) and
 * `pagehide` (the last chance to send). Nothing where there is no window (a worker, a server).
 * Returns the function that stops listening.
 */
export function listenToPage(handlers: { wake: () => void; pageHide: () => void }): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const wake = () => {
    if (document.visibilityState === 'visible') handlers.wake();
  };
  window.addEventListener('online', wake);
  document.addEventListener('visibilitychange', wake);
  window.addEventListener('pagehide', handlers.pageHide);
  return () => {
    window.removeEventListener('online', wake);
    document.removeEventListener('visibilitychange', wake);
    window.removeEventListener('pagehide', handlers.pageHide);
  };
}
