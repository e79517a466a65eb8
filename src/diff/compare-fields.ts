/**
 * Compare the own content of two aligned clauses field by field. Which values are texts and which
 * are id references is read from the schema (`textOrRef`), not hard-coded.
 */
import { canonicalJson } from './align-clauses.js';
import { diffWords, normalizeText } from './diff-text.js';
import { textOrRef, type NoticeIndex, type Path } from './index-clauses.js';
import type { WordPart } from './types.js';

/** A difference in one field of a clause, before classification. */
export interface FieldDelta {
  /** Key path inside the clause. */
  field: string[];
  /** `$defs` name of the field's value (`Text`, `IdRef`, `Duration`, ...), if any. */
  def?: string;
  before: unknown;
  after: unknown;
  /** For texts present on both sides. */
  text?: {
    /** Locales whose text changed (or was added or removed). */
    changed: string[];
    /** Locales present on both sides with the same text. */
    same: string[];
    words: Record<string, WordPart[]>;
  };
  /** For id references (single or list): what changed once renames are followed. */
  refs?: {
    added: string[];
    removed: string[];
    /** References that changed only to follow a rename, as [old id, new id]. */
    followed: [string, string][];
    /** A list was given on one side only (a missing list means "all"). */
    listAdded?: boolean;
    listRemoved?: boolean;
  };
  /** For lists of plain values (aliases, contactVia, locales). */
  list?: { added: unknown[]; removed: unknown[]; reordered: boolean };
}

/** Everything field comparison needs to know about the two versions. */
export interface CompareContext {
  from: NoticeIndex;
  to: NoticeIndex;
  /** Old id -> new id. */
  renames: ReadonlyMap<string, string>;
}

/**
 * Compare two values (a clause's own content, or a top-level value) and list every changed field.
 * @param before old value
 * @param after new value
 * @param oldPath YAML path of the old value
 * @param newPath YAML path of the new value
 * @param ctx both indexes and the renames
 * @param field key path of these values inside their clause
 */
export function compareValues(before: unknown, after: unknown, oldPath: Path, newPath: Path, ctx: CompareContext, field: string[] = []): FieldDelta[] {
  if (before === after && (before === null || typeof before !== 'object')) return [];
  const def = textOrRef(ctx.to, newPath) ?? textOrRef(ctx.from, oldPath);
  if (def === 'Text') return compareText(before, after, field);
  if (def === 'IdRef') return compareRefs(before === undefined ? [] : [before], after === undefined ? [] : [after], ctx, field, def, before, after);
  if (before === undefined || after === undefined) {
    if (before === after) return [];
    const itemDef = textOrRef(ctx.to, [...newPath, 0]) ?? textOrRef(ctx.from, [...oldPath, 0]);
    if (itemDef === 'IdRef') return compareRefs(asArray(before), asArray(after), ctx, field, itemDef, before, after);
    return [{ field, def, before: before ?? null, after: after ?? null }];
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const itemDef = textOrRef(ctx.to, [...newPath, 0]) ?? textOrRef(ctx.from, [...oldPath, 0]);
    if (itemDef === 'IdRef') return compareRefs(before as unknown[], after as unknown[], ctx, field, itemDef, before, after);
    return compareList(before, after, field, itemDef);
  }
  if (isRecord(before) && isRecord(after)) {
    const out: FieldDelta[] = [];
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    for (const key of keys) out.push(...compareValues(before[key], after[key], [...oldPath, key], [...newPath, key], ctx, [...field, key]));
    return out;
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [{ field, def, before, after }];
}

/**
 * True when two values are equal as data (same keys, same items in the same order) and name no
 * renamed id: {@link compareValues} then finds nothing, so the walk over the schema's paths can be
 * skipped. Most clauses of two versions are unchanged, and this test allocates nothing.
 * @param before old value
 * @param after new value
 * @param renames old id -> new id (a reference to a renamed id may change while its text does not)
 */
export function sameValue(before: unknown, after: unknown, renames: ReadonlyMap<string, string>): boolean {
  if (before === null || typeof before !== 'object') return before === after && (renames.size === 0 || before === undefined || before === null || !renames.has(String(before)));
  if (after === null || typeof after !== 'object') return false;
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || before.length !== after.length) return false;
    for (let i = 0; i < before.length; i++) if (!sameValue(before[i], after[i], renames)) return false;
    return true;
  }
  if (Array.isArray(after)) return false;
  const x = before as Record<string, unknown>;
  const y = after as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !sameValue(x[key], y[key], renames)) return false;
    count++;
  }
  for (const key in y) if (Object.hasOwn(y, key)) count--;
  return count === 0;
}

function compareText(before: unknown, after: unknown, field: string[]): FieldDelta[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const changed: string[] = [];
  const same: string[] = [];
  const words: Record<string, WordPart[]> = {};
  for (const locale of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    if (b[locale] === a[locale]) {
      same.push(locale);
      continue;
    }
    const x = typeof b[locale] === 'string' ? normalizeText(b[locale]) : undefined;
    const y = typeof a[locale] === 'string' ? normalizeText(a[locale]) : undefined;
    if (x === y) {
      same.push(locale);
      continue;
    }
    changed.push(locale);
    words[locale] = diffWords(x ?? '', y ?? '', locale);
  }
  if (changed.length === 0) return [];
  return [{ field, def: 'Text', before: before ?? null, after: after ?? null, text: { changed, same, words } }];
}

function compareRefs(before: unknown[], after: unknown[], ctx: CompareContext, field: string[], def: string, rawBefore: unknown, rawAfter: unknown): FieldDelta[] {
  const mapped = new Map(before.map((id) => [String(id), ctx.renames.get(String(id)) ?? String(id)]));
  const now = new Set(after.map(String));
  const was = new Set(mapped.values());
  const added = [...now].filter((id) => !was.has(id));
  const removed = [...mapped].filter(([, m]) => !now.has(m)).map(([id]) => id);
  const followed = [...mapped].filter(([id, m]) => id !== m && now.has(m)) as [string, string][];
  const listAdded = rawBefore === undefined && Array.isArray(rawAfter);
  const listRemoved = Array.isArray(rawBefore) && rawAfter === undefined;
  if (added.length === 0 && removed.length === 0 && followed.length === 0 && !listAdded && !listRemoved) return [];
  return [{ field, def, before: rawBefore ?? null, after: rawAfter ?? null, refs: { added, removed, followed, listAdded, listRemoved } }];
}

function compareList(before: unknown[], after: unknown[], field: string[], itemDef: string | undefined): FieldDelta[] {
  const keysBefore = before.map(canonicalJson);
  const keysAfter = after.map(canonicalJson);
  const added = after.filter((_, i) => !keysBefore.includes(keysAfter[i]!));
  const removed = before.filter((_, i) => !keysAfter.includes(keysBefore[i]!));
  const reordered = added.length === 0 && removed.length === 0 && keysBefore.join('\u0000') !== keysAfter.join('\u0000');
  if (added.length === 0 && removed.length === 0 && !reordered) return [];
  return [{ field, def: itemDef, before, after, list: { added, removed, reordered } }];
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
