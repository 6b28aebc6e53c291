// idb-keyval's other published entry (`compat`, the same API), so the editor's copy is its own module:
// sharing the outbox's would split idb-keyval into a chunk the respond chunk imports, and the respond
// chunk must stay one self-contained file (a failed import of a dependency cannot be retried).
import { createStore, del, get, set, type UseStore } from 'idb-keyval/compat';
import type { EditableConfig } from '../../core/editor/edits.js';

/**
 * Where `<survey-editor>` keeps the survey being written, so a reload or a closed tab loses nothing:
 * IndexedDB, its own versioned database with one store (never the outbox's), one entry per draft
 * key. A browser without IndexedDB (some private modes) keeps nothing, and the editor still works.
 */
export const DRAFT_DATABASE = 'encounter-survey-editor-v1';

export interface Draft {
  value: EditableConfig;
  savedAt: number;
}

let store: UseStore | null = null;
const drafts = () => (store ??= createStore(DRAFT_DATABASE, 'drafts'));

export async function loadDraft(key: string): Promise<Draft | null> {
  try {
    const draft = (await get(key, drafts())) as Draft | undefined;
    return draft && typeof draft === 'object' && draft.value && typeof draft.value === 'object' ? draft : null;
  } catch {
    return null;
  }
}

export async function saveDraft(key: string, value: EditableConfig | null, now: number): Promise<void> {
  try {
    if (value === null) await del(key, drafts());
    else await set(key, { value, savedAt: now } satisfies Draft, drafts());
  } catch {
    /* nowhere to keep it: the editor works on without a draft */
  }
}
