/**
 * Align the clauses of two notice versions: list items by id (ids are unique across a notice),
 * single clauses by their key under an aligned parent, renamed clauses by near-identical content in
 * the same list, and moves as the fewest clauses outside a longest increasing subsequence.
 */
import { distance } from 'fastest-levenshtein';
import { ownValue, type ClauseNode, type NoticeIndex } from './index-clauses.js';

/** How the clauses of two versions correspond. */
export interface Alignment {
  /** Old clause -> new clause. */
  pairs: Map<ClauseNode, ClauseNode>;
  /** New clause -> old clause. */
  back: Map<ClauseNode, ClauseNode>;
  /** New list-item clauses whose id changed (paired by content). */
  renamed: Set<ClauseNode>;
  /** Old id -> new id, for every paired clause whose id changed (references follow these). */
  renames: Map<string, string>;
  /** New clauses that moved: `order` within their list, `parent` to another parent clause. */
  moved: Map<ClauseNode, 'order' | 'parent'>;
  /** Old clauses with no counterpart, in document order. */
  removed: ClauseNode[];
  /** New clauses with no counterpart, in document order. */
  added: ClauseNode[];
}

/** Least similarity (0..1, by edit distance of the canonical content) for a rename. */
export const RENAME_SIMILARITY = 0.9;
// Above this many candidate pairs in one list, only exact content matches count as renames.
const MAX_RENAME_COMPARISONS = 40_000;

/**
 * Align two indexed notices.
 * @param a the old version
 * @param b the new version
 */
export function alignClauses(a: NoticeIndex, b: NoticeIndex): Alignment {
  const pairs = new Map<ClauseNode, ClauseNode>();
  const back = new Map<ClauseNode, ClauseNode>();
  const pair = (o: ClauseNode, n: ClauseNode) => {
    pairs.set(o, n);
    back.set(n, o);
  };
  pair(a.root, b.root);
  for (const o of a.clauses) {
    if (!o.listItem) continue;
    const n = b.byId.get(o.id);
    if (n && n.def === o.def && !back.has(n)) pair(o, n);
  }

  const singles = new Map<string, ClauseNode>();
  for (const n of b.clauses) if (n.parent && !n.listItem) singles.set(`${n.parent.order}|${n.slot}`, n);
  for (let progress = true; progress; ) {
    progress = false;
    for (const o of a.clauses) {
      if (o.listItem || !o.parent || pairs.has(o)) continue;
      const np = pairs.get(o.parent);
      const n = np && singles.get(`${np.order}|${o.slot}`);
      if (n && n.def === o.def && !back.has(n)) {
        pair(o, n);
        progress = true;
      }
    }
    if (pairRenamed(a, b, pairs, back, pair)) progress = true;
  }

  const renamed = new Set<ClauseNode>();
  const renames = new Map<string, string>();
  for (const [o, n] of pairs) {
    if (o.id === n.id) continue;
    renames.set(o.id, n.id);
    if (n.listItem) renamed.add(n);
  }
  return {
    pairs,
    back,
    renamed,
    renames,
    moved: findMoves(b, pairs, back),
    removed: a.clauses.filter((o) => !pairs.has(o)),
    added: b.clauses.filter((n) => !back.has(n)),
  };
}

/** Pair unmatched list items of the same kind in the same (aligned) list by content. Returns true if any were paired. */
function pairRenamed(a: NoticeIndex, b: NoticeIndex, pairs: Map<ClauseNode, ClauseNode>, back: Map<ClauseNode, ClauseNode>, pair: (o: ClauseNode, n: ClauseNode) => void): boolean {
  const groups = new Map<string, { olds: ClauseNode[]; news: ClauseNode[] }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { olds: [], news: [] }));
    return g;
  };
  for (const o of a.clauses) {
    const np = o.parent && pairs.get(o.parent);
    if (o.listItem && np && !pairs.has(o)) group(`${np.order}|${o.slot}|${o.def}`).olds.push(o);
  }
  for (const n of b.clauses) {
    if (n.listItem && n.parent && back.has(n.parent) && !back.has(n)) groups.get(`${n.parent.order}|${n.slot}|${n.def}`)?.news.push(n);
  }
  let paired = false;
  for (const { olds, news } of groups.values()) {
    if (olds.length === 0 || news.length === 0) continue;
    const sig = new Map<ClauseNode, string>();
    for (const c of [...olds, ...news]) sig.set(c, signature(c));
    // Identical content first, in document order.
    const free = new Set(news);
    const rest: ClauseNode[] = [];
    for (const o of olds) {
      const n = [...free].find((x) => sig.get(x) === sig.get(o));
      if (n) {
        free.delete(n);
        pair(o, n);
        paired = true;
      } else rest.push(o);
    }
    if (rest.length === 0 || free.size === 0 || rest.length * free.size > MAX_RENAME_COMPARISONS) continue;
    const candidates: [number, ClauseNode, ClauseNode][] = [];
    for (const o of rest) {
      const so = sig.get(o)!;
      for (const n of free) {
        const sn = sig.get(n)!;
        const longest = Math.max(so.length, sn.length);
        if (Math.min(so.length, sn.length) < longest * RENAME_SIMILARITY) continue;
        const similarity = 1 - distance(so, sn) / longest;
        if (similarity >= RENAME_SIMILARITY) candidates.push([similarity, o, n]);
      }
    }
    candidates.sort((x, y) => y[0] - x[0] || x[1].order - y[1].order || x[2].order - y[2].order);
    for (const [, o, n] of candidates) {
      if (pairs.has(o) || back.has(n)) continue;
      pair(o, n);
      paired = true;
    }
  }
  return paired;
}

/** Canonical JSON of a clause's own content without its id (key order does not matter). */
function signature(node: ClauseNode): string {
  return canonicalJson(ownValue(node, true));
}

/**
 * JSON with object keys sorted, so that reordered keys compare equal.
 * @param value plain data
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Clauses that moved: to another parent, or out of the longest kept order within their list. */
function findMoves(b: NoticeIndex, pairs: Map<ClauseNode, ClauseNode>, back: Map<ClauseNode, ClauseNode>): Map<ClauseNode, 'order' | 'parent'> {
  const moved = new Map<ClauseNode, 'order' | 'parent'>();
  const lists = new Map<string, [ClauseNode, ClauseNode][]>();
  for (const n of b.clauses) {
    const o = back.get(n);
    if (!o || !n.listItem || !n.parent || !o.parent) continue;
    if (pairs.get(o.parent) !== n.parent || o.slot !== n.slot) {
      moved.set(n, 'parent');
      continue;
    }
    const key = `${n.parent.order}|${n.slot}`;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push([o, n]);
  }
  for (const list of lists.values()) {
    list.sort((x, y) => x[1].index - y[1].index);
    const seq = list.map(([o]) => o.index);
    if (seq.every((v, i) => i === 0 || seq[i - 1]! < v)) continue;
    const kept = keptInOrder(seq, list.map(([o, n]) => [o.id, n.id].sort().join('\u0000')));
    list.forEach(([, n], i) => {
      if (!kept.has(i)) moved.set(n, 'order');
    });
  }
  return moved;
}

/**
 * Indices of a longest increasing subsequence of `seq`. Among equally long ones, the one whose
 * clauses have the greatest weight (2^rank of their key) wins, so that the choice depends only
 * on which clauses are involved: diff(a, b) and diff(b, a) report the same clauses as moved.
 * O(n^2); lists are at most a few hundred items and only reordered lists get here.
 */
function keptInOrder(seq: readonly number[], keys: readonly string[]): Set<number> {
  const rank = new Map([...keys].sort().map((k, i) => [k, i]));
  const weight = keys.map((k) => 1n << BigInt(rank.get(k)!));
  const len = seq.map(() => 1);
  const sum = [...weight];
  const prev = seq.map(() => -1);
  let best = 0;
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j]! >= seq[i]!) continue;
      const l = len[j]! + 1;
      if (l < len[i]!) continue;
      // Weights are summed only for a subsequence at least as long (each sum is a new BigInt).
      const s = sum[j]! + weight[i]!;
      if (l > len[i]! || s > sum[i]!) {
        len[i] = l;
        sum[i] = s;
        prev[i] = j;
      }
    }
    if (len[i]! > len[best]! || (len[i] === len[best] && sum[i]! > sum[best]!)) best = i;
  }
  const kept = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]!) kept.add(i);
  return kept;
}
