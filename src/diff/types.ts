/**
 * The shapes a notice diff is reported in. `NoticeDiff` is what `--format json` prints (plus the
 * `fields` detail), and what every formatter reads.
 */

import type { ChangeClass } from './classify-rules.js';

export type { ChangeClass };

/** Every kind of change, in the order reports list them. */
export const CHANGE_KINDS = ['added', 'removed', 'modified', 'moved', 'renamed'] as const;
/** What happened to a clause between two versions. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One run of a word diff: `=` unchanged, `-` only in the old text, `+` only in the new text. */
export type WordPart = [op: '=' | '-' | '+', text: string];

/** One changed field inside a clause (a scalar, a list, or a text in one or more locales). */
export interface FieldChange {
  /** Key path inside the clause, e.g. `gdpr`, `contact.email`, `description`; empty for the clause itself. */
  field: string;
  /** Classification rule id (see `RULES`), material or editorial. */
  rule: string;
  /** One sentence in plain words, e.g. "retention of 'call-recordings' extended from P6M to P2Y". */
  summary: string;
  /** Value before (`null` when the field did not exist). */
  before: unknown;
  /** Value after (`null` when the field no longer exists). */
  after: unknown;
  /** For texts: the locales whose text changed. */
  locales?: string[];
  /** For texts: the word diff per changed locale. */
  words?: Record<string, WordPart[]>;
  /** For texts changed in the source locale: translations that stayed the same. */
  staleTranslations?: string[];
  /** For a translation-only change: the source-language text (new version), to read beside it. */
  source?: { locale: string; text: string };
}

/** One change to one clause (or, for top-level metadata such as `version`, to one key). */
export interface ClauseChange {
  /** Clause id path in the version the change is read in (`to`, or `from` for removals), e.g. `purposes/support/legalBases/contract`. */
  id: string;
  /** For renamed clauses and clauses moved to another parent: the id path in the `from` version. */
  fromId?: string;
  kind: ChangeKind;
  /** `material` (data subjects must be told), `review` (a person must decide) or `editorial` (no change of meaning). */
  class: ChangeClass;
  /** True when data subjects must be told actively (DOMAIN.md section 4); the same as `class === 'material'`, kept for compatibility. */
  material: boolean;
  /** Topic of the rule: for material changes `purpose`, `transfers`, ...; for review `text`, `widening`, `translation`; otherwise the editorial kind. */
  category: string;
  /** Locales whose text changed (empty for structural changes). */
  locales: string[];
  /** Plain-words description. */
  summary: string;
  /** The clause's own content before (`null` when added); for `modified`, only the changed fields. */
  before: unknown;
  /** The clause's own content after (`null` when removed); for `modified`, only the changed fields. */
  after: unknown;
  /** For material and review changes: the classification rule id, e.g. `new-purpose`, `text-changed`. */
  rule?: string;
  /** For material and review changes: why the rule makes it material (citing WP260 rev.01) or needs a person. */
  reason?: string;
  /** Source-locale text changed but these translations did not. */
  staleTranslations?: string[];
  /** Only translations changed; the source-locale text is the same. */
  translationOnly?: boolean;
  /** Schema `$defs` name of the clause, e.g. `Purpose` (`Notice` for top-level keys). */
  def: string;
  /** Field-level detail of a modification (also the reason for the classification). */
  fields: FieldChange[];
}

/** Identification of one side of a comparison. */
export interface DiffSide {
  /** File as given, or `REV:path` for a git revision. */
  file: string;
  /** The notice's own `id`. */
  id: string;
  version: string;
  effectiveDate: string;
  /** SHA-256 of the input bytes, hex. */
  sha256: string;
  /** Git revision the file was read from, if any. */
  rev?: string;
}

/** Counts over all changes. */
export interface DiffSummary {
  material: number;
  /** Changes a person must review (neither material nor editorial). */
  review: number;
  editorial: number;
  added: number;
  removed: number;
  modified: number;
  moved: number;
  renamed: number;
}

/** The result of comparing two notice versions. */
export interface NoticeDiff {
  from: DiffSide;
  to: DiffSide;
  changes: ClauseChange[];
  summary: DiffSummary;
}
