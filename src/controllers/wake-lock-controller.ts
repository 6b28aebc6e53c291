import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface WakeLockSentinelLike {
  release(): Promise<void>;
}

/** Keeps a kiosk screen on while the page is visible, where the browser allows it. */
export class WakeLockController implements ReactiveController {
  private sentinel: WakeLockSentinelLike | null = null;
  private wanted = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected() {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.set(false);
  }

  set(wanted: boolean) {
    this.wanted = wanted;
    if (wanted) void this.acquire();
    else void this.release();
  }

  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible' && this.wanted) void this.acquire();
    else void this.release();
  };

  private async acquire() {
    const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinelLike> } })
      .wakeLock;
    if (!wakeLock || this.sentinel || document.visibilityState !== 'visible') return;
    try {
      this.sentinel = await wakeLock.request('screen');
    } catch {
      /* refused (battery saver, permissions policy): the kiosk still works */
    }
  }

  private async release() {
    const sentinel = this.sentinel;
    this.sentinel = null;
    await sentinel?.release().catch(() => undefined);
  }
}
