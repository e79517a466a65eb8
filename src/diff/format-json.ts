/**
 * The machine-readable report: `{ from, to, changes, summary }`, keys in a fixed order.
 */
import type { ClauseChange, NoticeDiff } from './types.js';

/**
 * One change with its keys in the documented order (optional keys only when set).
 * @param c a change
 */
export function changeToJson(c: ClauseChange): Record<string, unknown> {
  const out: Record<string, unknown> = { id: c.id };
  if (c.fromId !== undefined) out.fromId = c.fromId;
  Object.assign(out, { kind: c.kind, class: c.class, material: c.material, category: c.category, locales: c.locales, summary: c.summary, before: c.before, after: c.after });
  if (c.rule !== undefined) out.rule = c.rule;
  if (c.reason !== undefined) out.reason = c.reason;
  if (c.staleTranslations !== undefined) out.staleTranslations = c.staleTranslations;
  if (c.translationOnly !== undefined) out.translationOnly = c.translationOnly;
  out.def = c.def;
  out.fields = c.fields;
  return out;
}

/**
 * Format a diff as JSON.
 * @param diff the diff
 */
export function formatDiffJson(diff: NoticeDiff): string {
  return `${JSON.stringify({ from: diff.from, to: diff.to, changes: diff.changes.map(changeToJson), summary: diff.summary }, null, 2)}\n`;
}
