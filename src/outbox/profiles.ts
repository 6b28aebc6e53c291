/**
 * Which profile module sends to an endpoint. `json` is always here; the others are one chunk of
 * their own, loaded only when an endpoint uses one (so a page on the default pays nothing for them).
 */
import type { DeliveryProfile, ProfileName } from '../core/delivery/profile.js';
import { jsonProfile } from '../core/delivery/profiles/json.js';

type Others = typeof import('../core/delivery/profiles/on-demand.js')['profiles'];

let others: Others | undefined;
let loading: Promise<Others> | undefined;

/** The profile if it is already loaded (the page is going away: nothing can load now). */
export function loadedProfile(name: ProfileName): DeliveryProfile | undefined {
  return name === 'json' ? jsonProfile : others?.[name];
}

/** The profile, loading its chunk on first use; rejects when the chunk is unreachable (tried again next time). */
export function profileFor(name: ProfileName): Promise<DeliveryProfile> {
  const ready = loadedProfile(name);
  if (ready) return Promise.resolve(ready);
  loading ??= import('../core/delivery/profiles/on-demand.js').then(
    (module) => (others = module.profiles),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading.then((loaded) => loaded[name as Exclude<ProfileName, 'json'>]);
}
