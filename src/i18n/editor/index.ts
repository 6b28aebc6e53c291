import { Dictionary } from '../dictionary.js';
import english, { type EditorStrings } from './en.js';

export type { EditorStrings };

/** `<survey-editor>`'s strings; part of the editor's chunk (never loaded on a respondent's page). */
export const editorStrings = new Dictionary<EditorStrings>(english, {
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  ar: () => import('./ar.js'),
});
