/**
 * What change classification works on (`ClassifyContext`) and what it gives (`Verdict`).
 */
import type { Alignment } from './align-clauses.js';
import type { CompareContext } from './compare-fields.js';
import type { ClauseNode } from './index-clauses.js';

/** What classification needs: both versions, how they align, and the source locale. */
export interface ClassifyContext extends CompareContext {
  alignment: Alignment;
  /** The locale translations are made from (the new version's `sourceLocale`). */
  sourceLocale: string;
  added: ReadonlySet<ClauseNode>;
  removed: ReadonlySet<ClauseNode>;
}

/** A rule id with the sentence that describes the change. */
export interface Verdict {
  rule: string;
  summary: string;
}
