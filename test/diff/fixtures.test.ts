/**
 * One fixture pair per classification rule and editorial kind: test/fixtures/diff/<case>/{a,b}.yaml
 * with expected.json listing the changes (id, kind, class, material, rule or category).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diff/index.js';
import type { ClauseChange, NoticeDiff } from '../../src/diff/types.js';
import { diffFiles, essentials, FIXTURES } from './helpers.js';

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const byId = (x: Record<string, unknown>, y: Record<string, unknown>) => `${x.id} ${x.kind}`.localeCompare(`${y.id} ${y.kind}`);

describe.each(cases)('fixture %s', (name) => {
  const dir = path.join(FIXTURES, name);
  const a = path.join(dir, 'a.yaml');
  const b = path.join(dir, 'b.yaml');
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { changes: Record<string, unknown>[] };

  it('reports exactly the expected changes', () => {
    const diff = diffFiles(a, b);
    expect(diff.changes.map(essentials).sort(byId)).toEqual([...expected.changes].sort(byId));
    for (const c of diff.changes) {
      expect(c.summary.length).toBeGreaterThan(0);
      if (c.material) expect(c.reason).toMatch(/WP260 rev\.01/);
    }
  });

  it('is empty against itself', () => {
    expect(diffFiles(a, a).changes).toEqual([]);
    expect(diffFiles(b, b).changes).toEqual([]);
  });

  it('reversed, is the mirror image', () => {
    expectMirror(diffFiles(a, b), diffFiles(b, a));
  });
});

/** diff(b, a) has the same clauses, with added <-> removed and before <-> after swapped. */
function expectMirror(forward: NoticeDiff, backward: NoticeDiff): void {
  const flip: Record<string, string> = { added: 'removed', removed: 'added', modified: 'modified', moved: 'moved', renamed: 'renamed' };
  // For renames and moves across parents, the id of one direction is the fromId of the other.
  const key = (c: ClauseChange, flipped: boolean) => {
    const ids = c.fromId ? [c.fromId, c.id].sort().join(' ~ ') : c.id;
    return `${ids} ${flipped ? flip[c.kind] : c.kind}`;
  };
  const back = new Map(backward.changes.map((c) => [key(c, false), c]));
  expect(backward.changes.length).toBe(forward.changes.length);
  for (const c of forward.changes) {
    const m = back.get(key(c, true));
    expect(m, `mirror of ${c.kind} ${c.id}`).toBeDefined();
    expect(m!.before).toEqual(c.after);
    expect(m!.after).toEqual(c.before);
    if (c.fromId) expect([m!.id, m!.fromId]).toEqual([c.fromId, c.id]);
    const fields = new Map(m!.fields.map((f) => [f.field, f]));
    for (const f of c.fields) {
      const g = fields.get(f.field);
      expect(g, `mirror of field ${f.field} of ${c.id}`).toBeDefined();
      expect(g!.before).toEqual(f.after);
      expect(g!.after).toEqual(f.before);
      for (const [locale, parts] of Object.entries(f.words ?? {})) {
        // Word alignment may break ties differently, but each side's text is the other's.
        const text = (list: readonly (readonly [string, string])[], keep: string) => list.filter(([op]) => op === '=' || op === keep).map(([, t]) => t).join('');
        const mirrored = g!.words?.[locale] ?? [];
        expect(text(mirrored, '-')).toBe(text(parts, '+'));
        expect(text(mirrored, '+')).toBe(text(parts, '-'));
      }
    }
  }
}

describe('fixtures cover the classification table', () => {
  it('has a fixture for every rule', () => {
    const seen = new Set<string>();
    for (const name of cases) {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as { changes: { rule?: string; category?: string }[] };
      for (const c of expected.changes) seen.add(c.rule ?? c.category ?? '');
    }
    // Editorial changes are pinned by category, so an editorial rule counts as covered through its category.
    expect(RULES.filter((r) => !seen.has(r.class !== 'editorial' ? r.id : r.category)).map((r) => r.id)).toEqual([]);
  });
});
