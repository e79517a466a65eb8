/**
 * Every validation check beyond the schema, in the order they run, and the context they share.
 */
import type { LoadedNotice } from '../../load/read-notice.js';
import { noticeSchema, walkNotice, type WalkEntry } from '../../notice/schema.js';
import type { CheckContext, ClauseEntry, ValidationCheck } from '../types.js';
import { keyCombinations } from './combinations.js';
import { countriesAssigned } from './countries.js';
import { idsUnique, referencesResolve } from './ids.js';
import { languageTagState, localesKnown } from './locales.js';
import { textsComplete } from './texts.js';

export { isCountryCode } from './countries.js';

/** All checks. */
export const CHECKS: readonly ValidationCheck[] = [localesKnown, textsComplete, countriesAssigned, idsUnique, referencesResolve, keyCombinations];

/**
 * Build what the checks look at: one walk over the notice.
 * @param loaded a notice whose data was read without load errors
 */
export function checkContext(loaded: LoadedNotice, templatesDir?: string): CheckContext {
  const data = loaded.data as Record<string, unknown>;
  const declaredLocales = Array.isArray(data.locales) ? data.locales.filter((l): l is string => typeof l === 'string') : [];
  // Texts are checked for the declared locales that are real language tags; a bad tag is reported
  // once, at the tag, not again as a missing text in every Text of the notice.
  const locales = declaredLocales.filter((tag) => languageTagState(tag) === true);
  const entries: WalkEntry[] = [];
  const byDef = new Map<string, WalkEntry[]>();
  const clauses: ClauseEntry[] = [];
  const defs = noticeSchema().$defs ?? {};
  walkNotice(data, (entry) => {
    entries.push(entry);
    const { value, def } = entry;
    if (!def) return;
    const same = byDef.get(def);
    if (same) same.push(entry);
    else byDef.set(def, [entry]);
    if (def === 'Notice' || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const id = (value as { id?: unknown }).id;
    if (defs[def]?.properties?.id && typeof id === 'string') clauses.push({ id, def, path: entry.path });
  });
  return { loaded, data, declaredLocales, locales, entries, byDef, clauses, ...(templatesDir !== undefined ? { templatesDir } : {}) };
}
