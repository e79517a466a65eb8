/**
 * Check that clause ids are unique and that every reference names a clause of the right kind.
 */
import { closeMatch } from '../../did-you-mean.js';
import { formatPath, type KeyPath } from '../../notice/path.js';
import { REFERENCE_TARGETS } from '../../notice/schema.js';
import type { CheckFinding, ClauseEntry, ValidationCheck } from '../types.js';

const KIND_WORDS: Record<string, string> = {
  '*': 'clause',
  Category: 'data category',
  Recipient: 'recipient',
  Source: 'source',
  Safeguard: 'safeguard',
  Purpose: 'purpose',
};

/** The first clause of each id, and every kind of clause holding an id used more than once. */
function indexIds(clauses: readonly ClauseEntry[]): { ids: Map<string, ClauseEntry>; duplicated: Map<string, Set<string>> } {
  const ids = new Map<string, ClauseEntry>();
  const duplicated = new Map<string, Set<string>>();
  for (const clause of clauses) {
    const seen = ids.get(clause.id);
    if (seen) duplicated.set(clause.id, (duplicated.get(clause.id) ?? new Set([seen.def])).add(clause.def));
    else ids.set(clause.id, clause);
  }
  return { ids, duplicated };
}

/** Check `ids-unique`. */
export const idsUnique: ValidationCheck = {
  id: 'ids-unique',
  codes: ['duplicate-id'],
  summary: 'No two clauses share an id.',
  check({ clauses }) {
    const first = new Map<string, ClauseEntry>();
    const out: CheckFinding[] = [];
    for (const clause of clauses) {
      const seen = first.get(clause.id);
      if (!seen) {
        first.set(clause.id, clause);
        continue;
      }
      out.push({
        code: 'duplicate-id',
        message: `The id '${clause.id}' is already used by ${formatPath(seen.path)}; every clause needs its own id, and references to '${clause.id}' cannot tell the two apart. Rename one of them.`,
        path: [...clause.path, 'id'],
        related: [{ message: `first use of '${clause.id}'`, path: [...seen.path, 'id'] }],
      });
    }
    return out;
  },
};

/** Check `references-resolve`. */
export const referencesResolve: ValidationCheck = {
  id: 'references-resolve',
  codes: ['unknown-reference'],
  summary: 'Every reference and clause-scoped phrase override names an existing clause of the right kind.',
  check({ data, byDef, clauses }) {
    const out: CheckFinding[] = [];
    const { ids, duplicated } = indexIds(clauses);

    // A clause-scoped phrase override (`<clause-id>:<phrase>`) naming no clause would never be used.
    const phrases = data.phrases;
    if (phrases !== null && typeof phrases === 'object' && !Array.isArray(phrases)) {
      for (const name of Object.keys(phrases)) {
        const colon = name.indexOf(':');
        if (colon <= 0) continue;
        const clause = name.slice(0, colon);
        if (ids.has(clause)) continue;
        const guess = closeMatch(clause, [...ids.keys()]);
        out.push({
          code: 'unknown-reference',
          message: `The phrase override '${name}' names the clause '${clause}', but no clause has that id, so it would never be used.`,
          path: ['phrases', name],
          at: 'key',
          ...(guess ? { expected: [`${guess}:${name.slice(colon + 1)}`] } : {}),
        });
      }
    }

    // Indexed: a for-of makes an object for every step before the engine optimises the loop.
    const refs = byDef.get('IdRef') ?? [];
    for (let i = 0; i < refs.length; i++) {
      const entry = refs[i]!;
      const { value, slot } = entry;
      if (typeof value !== 'string' || !slot) continue;
      const target = REFERENCE_TARGETS[slot];
      if (!target) continue;
      // A reference to a duplicated id that one of its holders satisfies is covered by the
      // duplicate-id error; reporting it again would bury that one error under follow-ons.
      if (duplicated.get(value)?.has(target)) continue;
      const finding = checkReference(value, target, entry, ids);
      if (finding) out.push(finding);
    }
    return out;
  },
};

function checkReference(value: string, target: string, entry: { readonly path: KeyPath }, ids: Map<string, ClauseEntry>): CheckFinding | undefined {
  const found = ids.get(value);
  if (found && (target === '*' || found.def === target)) return undefined;
  // A problem: only now is the reference's path made (see WalkEntry.path).
  const { path } = entry;
  const kind = KIND_WORDS[target] ?? target;
  if (!found) {
    const candidates = [...ids.entries()].filter(([, v]) => target === '*' || v.def === target).map(([k]) => k);
    const guess = closeMatch(value, candidates);
    const known = !guess && candidates.length > 0 ? ` Known: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ', …' : ''}.` : '';
    return { code: 'unknown-reference', message: `${formatPath(path)} names '${value}', but no ${kind} has that id.${known}`, path, ...(guess ? { expected: [guess] } : {}) };
  }
  if (target !== '*' && found.def !== target) {
    return { code: 'unknown-reference', message: `${formatPath(path)} names '${value}', which is a ${KIND_WORDS[found.def] ?? found.def.toLowerCase()}, not a ${kind}.`, path };
  }
  return undefined;
}
