/**
 * Classify one changed field of an aligned clause with a rule from the table in `classify-rules.ts`
 * and say what changed in plain words: texts go to `classify-text.ts`, everything else to
 * `classify-structured.ts`. Added and removed clauses are `classify-presence.ts`'s; the words of
 * every summary are `classify-words.ts`'s.
 */
import type { ClassifyContext } from './classify-context.js';
import { structuredVerdict } from './classify-structured.js';
import { classifyText } from './classify-text.js';
import type { FieldDelta } from './compare-fields.js';
import type { ClauseNode } from './index-clauses.js';
import type { FieldChange } from './types.js';

/**
 * Classify one changed field of an aligned clause.
 * @param before the clause in the old version
 * @param after the clause in the new version
 * @param delta the field difference
 * @param ctx classification context
 */
export function classifyField(before: ClauseNode, after: ClauseNode, delta: FieldDelta, ctx: ClassifyContext): FieldChange {
  const field = delta.field.join('.');
  const base: FieldChange = { field, rule: 'wording', summary: '', before: delta.before, after: delta.after };
  if (delta.text) return classifyText(after, delta, ctx, base);
  const verdict = structuredVerdict(before, after, delta, ctx);
  return { ...base, ...verdict };
}
