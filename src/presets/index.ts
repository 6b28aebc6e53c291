import type { SurveyConfigInput } from '../core/config/schema.js';
import { crisisFollowUp } from './crisis-follow-up.js';
import { familyPeerSupport } from './family-peer-support.js';
import { groupSession } from './group-session.js';
import { peerSupportEncounter } from './peer-support-encounter.js';

export type PresetName = 'peer-support-encounter' | 'family-peer-support' | 'group-session' | 'crisis-follow-up';

/**
 * Ready-made surveys (plain config objects, original wording, no licensed instruments). A null
 * prototype keeps `"constructor" in presets` false when a name comes from an attribute.
 */
export const presets: Readonly<Record<PresetName, SurveyConfigInput>> = Object.assign(Object.create(null), {
  'peer-support-encounter': peerSupportEncounter,
  'family-peer-support': familyPeerSupport,
  'group-session': groupSession,
  'crisis-follow-up': crisisFollowUp,
});

/** A fresh copy of a preset to adapt, or undefined for an unknown name. */
export function getPreset(name: PresetName): SurveyConfigInput;
export function getPreset(name: string): SurveyConfigInput | undefined;
export function getPreset(name: string): SurveyConfigInput | undefined {
  return Object.hasOwn(presets, name) ? structuredClone(presets[name as PresetName]) : undefined;
}
