/**
 * Asks before the page closes while a response exists only in this page's memory: Submit was
 * pressed but the response is not stored yet (or could not be), or the outbox could keep it in
 * memory only (no IndexedDB). Listening only then keeps the back/forward cache for everyone else.
 */
export class UnloadGuard {
  private readonly held = new Set<string>();

  hold(key: string) {
    this.held.add(key);
    addEventListener('beforeunload', warn);
  }

  release(key: string) {
    this.held.delete(key);
    if (this.held.size === 0) removeEventListener('beforeunload', warn);
  }
}

function warn(event: BeforeUnloadEvent) {
  event.preventDefault();
  // Safari before 17 and older Chromium ask only when returnValue is set.
  event.returnValue = '';
}

/** Quick exit: leave at once, never behind a "Leave site?" prompt (what is in memory is lost; safety first). */
export function leaveNow() {
  removeEventListener('beforeunload', warn);
}
