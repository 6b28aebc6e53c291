/** The profiles other than `json`, in one chunk loaded only by an endpoint that uses one of them. */
import type { DeliveryProfile, ProfileName } from '../profile.js';
import { formProfile } from './form.js';
import { noCorsProfile } from './no-cors.js';
import { postgrestProfile } from './postgrest.js';
import { simpleProfile } from './simple.js';

export const profiles: Record<Exclude<ProfileName, 'json'>, DeliveryProfile> = {
  simple: simpleProfile,
  form: formProfile,
  postgrest: postgrestProfile,
  'no-cors': noCorsProfile,
};
