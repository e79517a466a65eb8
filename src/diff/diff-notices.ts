/**
 * Compare two versions of a notice clause by clause: align, compare fields, classify, and
 * report every change as a `ClauseChange` with its class: material, review or editorial.
 */
import type { Notice } from '../model/notice.js';
import { noticeSchema, type WalkEntry } from '../notice/schema.js';
import { alignClauses } from './align-clauses.js';
import { classifyField } from './classify-change.js';
import type { ClassifyContext, Verdict } from './classify-context.js';
import { classifyPresence } from './classify-presence.js';
import { clauseLabel } from './classify-words.js';
import { leadingRule, rule } from './classify-rules.js';
import { compareValues, sameValue } from './compare-fields.js';
import { holdsClauses, indexNotice, ownValue, type ClauseNode } from './index-clauses.js';
import type { ChangeKind, ClauseChange, DiffSide, DiffSummary, FieldChange, NoticeDiff } from './types.js';

/** One side of a comparison: a valid notice and where it came from. */
export interface DiffInput {
  notice: Notice;
  /** File as given, or `REV:path`. */
  file: string;
  /** SHA-256 of the file's bytes, hex (see {@link sha256Hex}). */
  sha256?: string;
  /** Git revision, when read from git. */
  rev?: string;
  /** The schema walk of `notice`, when its validation kept it (see `indexNotice`). */
  entries?: readonly WalkEntry[] | undefined;
}

export { sha256Hex } from './util-hash.js';

const CLASS_RANK = { material: 0, review: 1, editorial: 2 } as const;

const KIND_ORDER: Record<ChangeKind, number> = { renamed: 0, moved: 1, modified: 2, added: 3, removed: 4 };

/**
 * Compare two valid notices.
 * @param from the older version
 * @param to the newer version
 * @returns every change, in document order of the newer version (removals where they were)
 */
export function diffNotices(from: DiffInput, to: DiffInput): NoticeDiff {
  const a = indexNotice(from.notice, from.entries);
  const b = indexNotice(to.notice, to.entries);
  const alignment = alignClauses(a, b);
  const ctx: ClassifyContext = {
    from: a,
    to: b,
    renames: alignment.renames,
    alignment,
    sourceLocale: b.sourceLocale,
    added: new Set(alignment.added),
    removed: new Set(alignment.removed),
  };
  const topOrder = new Map(Object.keys(noticeSchema().properties ?? {}).map((k, i) => [k, i]));
  const sorted: { key: number[]; change: ClauseChange }[] = [];
  const push = (change: ClauseChange | undefined, key: number[]) => {
    if (change) sorted.push({ key: [...key, KIND_ORDER[change.kind]], change });
  };

  // Top-level keys that are not clauses (version, effectiveDate, title, ...) are reported one by one.
  const rootA = ownValue(a.root);
  const rootB = ownValue(b.root);
  for (const key of [...new Set([...Object.keys(rootB), ...Object.keys(rootA)])]) {
    if (sameValue(rootA[key], rootB[key], ctx.renames)) continue;
    const deltas = compareValues(rootA[key], rootB[key], [key], [key], ctx, [key]);
    if (deltas.length === 0) continue;
    const kind: ChangeKind = rootA[key] === undefined ? 'added' : rootB[key] === undefined ? 'removed' : 'modified';
    const fields = deltas.map((d) => classifyField(a.root, b.root, d, ctx));
    push(fromFields(key, kind, 'Notice', fields, rootA[key] ?? null, rootB[key] ?? null), [topOrder.get(key) ?? 999, -1]);
  }

  // A list of clauses that is stated on one side only and empty on the other (`recipients: []`,
  // "none", against no `recipients` key, "not stated") has no clause to report it by.
  for (const key of Object.keys(noticeSchema().properties ?? {})) {
    if (!holdsClauses('Notice', key)) continue;
    const x = (a.root.value as Record<string, unknown>)[key];
    const y = (b.root.value as Record<string, unknown>)[key];
    if ((x === undefined) === (y === undefined)) continue;
    const stated = (x ?? y) as unknown;
    if (!Array.isArray(stated) || stated.length > 0) continue;
    const verdict: Verdict =
      y !== undefined
        ? { rule: key === 'recipients' ? 'narrowing' : 'wording', summary: `${key}: now stated as none (were not stated)` }
        : { rule: key === 'recipients' ? 'wider-recipients' : 'wording', summary: `${key}: no longer stated (were stated as none)` };
    push(fromVerdict(key, y !== undefined ? 'added' : 'removed', 'Notice', verdict, x ?? null, y ?? null), [topOrder.get(key) ?? 999, -1]);
  }

  const place = (node: ClauseNode, order: number) => [topOrder.get(node.top) ?? 999, order];
  for (const n of alignment.added) {
    push(fromVerdict(n.idPath, 'added', n.def, classifyPresence(n, 'added', ctx), null, ownValue(n)), place(n, n.order));
  }
  for (const o of alignment.removed) {
    push(fromVerdict(o.idPath, 'removed', o.def, classifyPresence(o, 'removed', ctx), ownValue(o), null), place(o, removedOrder(o, a.clauses, alignment.pairs)));
  }
  // forEach, not for-of: the loop runs once per clause before the engine optimises it, and each
  // step of a Map's for-of makes an entry array there.
  alignment.pairs.forEach((n, o) => {
    if (!n.parent) return;
    if (alignment.renamed.has(n)) {
      const label = clauseLabel(n);
      const change = fromVerdict(n.idPath, 'renamed', n.def, { rule: 'rename', summary: `${label} renamed from '${o.id}' (was ${o.idPath})` }, { id: o.id }, { id: n.id });
      change.fromId = o.idPath;
      push(change, place(n, n.order));
    }
    const move = alignment.moved.get(n);
    if (move) {
      const label = clauseLabel(n);
      const verdict: Verdict =
        move === 'order'
          ? { rule: 'order', summary: `${label} moved from position ${o.index + 1} to ${n.index + 1} in ${n.parent.idPath ? `${n.parent.idPath}/` : ''}${n.slot}` }
          : { rule: n.def === 'LegalBasis' ? 'legal-basis-changed' : 'order', summary: `${label} moved from ${o.idPath} to ${n.idPath}` };
      const change = fromVerdict(n.idPath, 'moved', n.def, verdict, { parent: o.parent?.idPath ?? '', position: o.index + 1 }, { parent: n.parent.idPath, position: n.index + 1 });
      if (o.idPath !== n.idPath) change.fromId = o.idPath;
      push(change, place(n, n.order));
    }
    // A list item's id change is the rename reported above.
    const ownA = ownValue(o, n.listItem);
    const ownB = ownValue(n, n.listItem);
    if (sameValue(ownA, ownB, ctx.renames)) return;
    const deltas = compareValues(ownA, ownB, o.path, n.path, ctx);
    if (deltas.length === 0) return;
    const fields = deltas.map((d) => classifyField(o, n, d, ctx));
    const before = Object.fromEntries(fields.map((f) => [f.field, f.before]));
    const after = Object.fromEntries(fields.map((f) => [f.field, f.after]));
    push(fromFields(n.idPath, 'modified', n.def, fields, before, after), place(n, n.order));
  });

  sorted.sort((x, y) => compareKeys(x.key, y.key));
  const changes = sorted.map((s) => s.change);
  return { from: side(from), to: side(to), changes, summary: summarize(changes) };
}

/** Where a removed clause sorts among the new version's clauses: just after its nearest kept predecessor. */
function removedOrder(o: ClauseNode, old: readonly ClauseNode[], pairs: ReadonlyMap<ClauseNode, ClauseNode>): number {
  for (let i = o.order - 1; i >= 0; i--) {
    const kept = pairs.get(old[i]!);
    if (kept) return kept.order + 0.5 + o.order / 1e6;
  }
  return -0.5 + o.order / 1e6;
}

function compareKeys(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function fromVerdict(id: string, kind: ChangeKind, def: string, verdict: Verdict, before: unknown, after: unknown): ClauseChange {
  const r = rule(verdict.rule);
  const change: ClauseChange = { id, kind, class: r.class, material: r.material, category: r.category, locales: [], summary: verdict.summary, before, after, def, fields: [] };
  if (r.class !== 'editorial') {
    change.rule = r.id;
    change.reason = r.reason;
  }
  return change;
}

function fromFields(id: string, kind: ChangeKind, def: string, fields: FieldChange[], before: unknown, after: unknown): ClauseChange {
  const lead = leadingRule(fields.map((f) => f.rule));
  const locales = [...new Set(fields.flatMap((f) => f.locales ?? []))].sort();
  const stale = [...new Set(fields.flatMap((f) => f.staleTranslations ?? []))].sort();
  const change: ClauseChange = {
    id,
    kind,
    class: lead.class,
    material: lead.material,
    category: lead.category,
    locales,
    // Material parts first, then review, so the sentence leads with what decides the class.
    summary: [...fields].sort((x, y) => CLASS_RANK[rule(x.rule).class] - CLASS_RANK[rule(y.rule).class]).map((f) => f.summary).join('; '),
    before,
    after,
    def,
    fields,
  };
  if (lead.class !== 'editorial') {
    change.rule = lead.id;
    change.reason = lead.reason;
  }
  if (stale.length > 0) change.staleTranslations = stale;
  if (fields.every((f) => f.rule === 'translation-only' || f.rule === 'translation-changed')) change.translationOnly = true;
  return change;
}

function side(input: DiffInput): DiffSide {
  const n = input.notice as unknown as { id: string; version: string; effectiveDate: string };
  const out: DiffSide = { file: input.file, id: n.id, version: n.version, effectiveDate: n.effectiveDate, sha256: input.sha256 ?? '' };
  if (input.rev !== undefined) out.rev = input.rev;
  return out;
}

/**
 * Count changes by class and kind.
 * @param changes the changes of one diff
 */
export function summarize(changes: readonly ClauseChange[]): DiffSummary {
  const s: DiffSummary = { material: 0, review: 0, editorial: 0, added: 0, removed: 0, modified: 0, moved: 0, renamed: 0 };
  for (const c of changes) {
    s[c.class]++;
    s[c.kind]++;
  }
  return s;
}
