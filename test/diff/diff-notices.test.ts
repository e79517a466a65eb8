/**
 * Unit cases of the diff engine that the fixture pairs do not show on their own: durations,
 * renames with edits, moves across parents, the minimal set of moves, and the large generated notice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDurations, diffNotices, parseDuration, RULES } from '../../src/diff/index.js';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/index.js';
import type { Notice } from '../../src/model/notice.js';
import { holdsClauses, indexNotice, pathKey, textOrRef } from '../../src/diff/index-clauses.js';
import { noticeSchema, walkNotice, type WalkEntry } from '../../src/notice/schema.js';
import { valueAt } from '../../src/notice/path.js';
import { diffFiles, FIXTURES, loadValid, PRAXIS_V2, ROOT } from './helpers.js';

const base = loadValid(path.join(FIXTURES, 'identical/a.yaml'));
const edit = (change: (n: Record<string, any>) => void): Notice => {
  const copy = structuredClone(base) as unknown as Record<string, any>;
  change(copy);
  return copy as unknown as Notice;
};
const diff = (a: Notice, b: Notice) => diffNotices({ notice: a, file: 'a' }, { notice: b, file: 'b' });
const brief = (a: Notice, b: Notice) => diff(a, b).changes.map((c) => `${c.kind} ${c.id}${c.fromId ? ` <- ${c.fromId}` : ''} ${c.material ? c.rule : c.category}`);

describe('indexNotice', () => {
  const notice = loadValid(PRAXIS_V2);
  const index = indexNotice(notice);

  it("gives each clause the nearest clause enclosing it as its parent", () => {
    const paths = new Set(index.clauses.map((c) => pathKey(c.path)));
    expect(index.clauses.length).toBeGreaterThan(20);
    for (const clause of index.clauses.slice(1)) {
      let nearest: string | undefined;
      for (let n = clause.path.length - 1; n >= 0 && nearest === undefined; n--) if (paths.has(pathKey(clause.path.slice(0, n)))) nearest = pathKey(clause.path.slice(0, n));
      expect(pathKey(clause.parent!.path), clause.idPath).toBe(nearest);
    }
    expect(index.clauses.some((c) => c.path.length >= 4)).toBe(true);
  });

  it('finds every text and reference a full walk finds, and nothing inside one or off the walk', () => {
    const all = new Map<string, string | undefined>();
    const inside = new Set<string>();
    walkNotice(notice, ({ path: at, def }) => {
      const key = pathKey(at);
      const outer = [...all.keys()].some((k) => all.get(k) !== undefined && key.startsWith(`${k}\u0000`));
      all.set(key, !outer && (def === 'Text' || def === 'IdRef') ? def : undefined);
      if (outer) inside.add(key);
      return undefined;
    });
    expect([...all.values()]).toContain('IdRef');
    expect(inside.size).toBeGreaterThan(0);
    const paths: (string | number)[][] = [];
    walkNotice(notice, ({ path: at }) => void paths.push(at));
    for (const at of paths) expect(textOrRef(index, at), pathKey(at)).toBe(all.get(pathKey(at)));
    // Absent values, keys the schema does not know, an index written as text, a step into a string.
    expect(textOrRef(index, ['purposes', 999, 'description'])).toBeUndefined();
    expect(textOrRef(index, ['purposes', 0, 'nonsense'])).toBeUndefined();
    expect(textOrRef(index, ['purposes', '0', 'description'])).toBe('Text');
    expect(textOrRef(index, ['purposes', '00', 'description'])).toBeUndefined();
    expect(textOrRef(index, ['id', 0])).toBeUndefined();
  });

  it('finds the same clauses going through its validation\'s walk as walking the notice itself', () => {
    const large = mkdtempSync(path.join(tmpdir(), 'noticekit-index-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-large-notice.mjs'), '--clauses', '400', '--out', large], { stdio: 'ignore' });
      const files = [PRAXIS_V2, path.join(large, 'a.yaml'), path.join(FIXTURES, 'moved/b.yaml'), path.join(FIXTURES, 'renamed/a.yaml')];
      for (const file of files) {
        const result = validateNotice(loadNotice(readFileSync(file), file), { keepEntries: true });
        expect(result.entries, file).toBeDefined();
        const walked = indexNotice(result.notice!);
        const kept = indexNotice(result.notice!, result.entries);
        expect(kept.clauses.length, file).toBeGreaterThan(10);
        expect(kept, file).toEqual(walked);
      }
    } finally {
      rmSync(large, { recursive: true, force: true });
    }
  });

  it('texts and references hold no object, so no clause is inside one', () => {
    const defs = noticeSchema().$defs!;
    expect(defs.IdRef!.type).toBe('string');
    expect(defs.Text!.type).toBe('object');
    const locale = defs.Text!.additionalProperties as { $ref?: string; type?: string };
    const inner = locale.$ref ? defs[locale.$ref.slice(locale.$ref.lastIndexOf('/') + 1)]! : locale;
    expect(inner.type).toBe('string');
    expect(defs.Text!.properties ?? {}).toEqual({});
  });

  it('knows which properties hold clauses, from the schema', () => {
    expect(holdsClauses('Notice', 'purposes')).toBe(true);
    expect(holdsClauses('Notice', 'controller')).toBe(true);
    expect(holdsClauses('Purpose', 'legalBases')).toBe(true);
    expect(holdsClauses('Purpose', 'description')).toBe(false);
    expect(holdsClauses('Purpose', 'categories')).toBe(false);
    expect(holdsClauses('Notice', 'constructor')).toBe(false);
    expect(holdsClauses('NoSuchDef', 'purposes')).toBe(false);
  });

  it('walkNotice gives every entry the key path of its value, read at any time', () => {
    const entries: WalkEntry[] = [];
    walkNotice(notice, (entry) => void entries.push(entry));
    expect(entries.length).toBeGreaterThan(500);
    // Paths read after the walk, in reverse order: each leads to its value and is made once.
    const seen = new Set<string>();
    for (const entry of [...entries].reverse()) {
      const at = entry.path;
      expect(valueAt(notice, at)).toBe(entry.value);
      expect(entry.path).toBe(at);
      seen.add(pathKey(at));
    }
    expect(seen.size).toBe(entries.length);
    expect(entries[0]!.path).toEqual([]);
  });

  it('walkNotice does not visit the values inside one its visitor skips', () => {
    const visited: string[] = [];
    walkNotice(notice, ({ path: at, def }) => {
      visited.push(pathKey(at));
      return def === 'Purpose' ? 'skip' : undefined;
    });
    expect(visited).toContain(pathKey(['purposes', 0]));
    expect(visited.some((p) => p.startsWith(`${pathKey(['purposes', 0])}\u0000`))).toBe(false);
    expect(visited).toContain(pathKey(['controller', 'name']));
  });
});

describe('durations', () => {
  it('compares numerically', () => {
    expect(compareDurations('P1Y', 'P12M')).toBe(0);
    expect(compareDurations('P4W', 'P28D')).toBe(0);
    expect(compareDurations('P2Y', 'P6M')).toBeGreaterThan(0);
    expect(compareDurations('P30D', 'P1M')).toBeLessThan(0);
    expect(compareDurations('P1Y6M', 'P18M')).toBe(0);
    expect(compareDurations('P6M', 'six months')).toBeUndefined();
    expect(parseDuration('P2Y3M1W2D')).toEqual({ months: 27, days: 9 });
  });
});

describe('alignment', () => {
  it('reports a renamed clause with a small edit as renamed plus modified', () => {
    const b = edit((n) => {
      const phone = n.categories.find((c: any) => c.id === 'phone');
      phone.id = 'phone-number';
      phone.label.en = 'Telephone numbers';
      for (const p of n.purposes) p.categories = p.categories?.map((c: string) => (c === 'phone' ? 'phone-number' : c));
      for (const r of n.retention.rules) r.categories = r.categories?.map((c: string) => (c === 'phone' ? 'phone-number' : c));
    });
    const changes = brief(base, b);
    expect(changes).toContain('renamed categories/phone-number <- categories/phone rename');
    expect(changes).toContain('modified categories/phone-number translation');
    expect(changes.filter((c) => c.includes('removed') || c.includes('added'))).toEqual([]);
  });

  it('reports different content under a new id as removed and added', () => {
    const b = edit((n) => {
      n.categories[0] = { id: 'postal-address', label: { de: 'Postanschrift', en: 'Postal address' } };
      for (const p of n.purposes) p.categories = p.categories?.map((c: string) => (c === 'name' ? 'postal-address' : c));
      for (const r of n.retention.rules) r.categories = r.categories?.map((c: string) => (c === 'name' ? 'postal-address' : c));
    });
    const changes = brief(base, b);
    expect(changes).toContain('removed categories/name narrowing');
    expect(changes).toContain('added categories/postal-address new-data-category');
  });

  it('reports a legal basis moved to another purpose as a material move', () => {
    const b = edit((n) => {
      const basis = n.purposes[1].legalBases.pop();
      n.purposes[1].legalBases.push({ id: 'reminders-consent', gdpr: '6(1)(a)' });
      n.purposes[0].legalBases.push(basis);
    });
    const changes = diff(base, b).changes;
    const moved = changes.find((c) => c.kind === 'moved')!;
    expect(moved.id).toBe('purposes/appointment-booking/legalBases/reminders-basis');
    expect(moved.fromId).toBe('purposes/reminders/legalBases/reminders-basis');
    expect(moved.rule).toBe('legal-basis-changed');
  });

  it('reports the fewest moves, the same clauses in both directions', () => {
    const reversed = edit((n) => n.purposes.reverse());
    const forward = diff(base, reversed).changes.filter((c) => c.kind === 'moved').map((c) => c.id);
    const backward = diff(reversed, base).changes.filter((c) => c.kind === 'moved').map((c) => c.id);
    expect(forward).toHaveLength(2);
    expect(forward.sort()).toEqual(backward.sort());
    const swapped = edit((n) => ([n.rights.items[0], n.rights.items[1]] = [n.rights.items[1], n.rights.items[0]]));
    const one = diff(base, swapped).changes.filter((c) => c.kind === 'moved').map((c) => c.id);
    const other = diff(swapped, base).changes.filter((c) => c.kind === 'moved').map((c) => c.id);
    expect(one).toHaveLength(1);
    expect(one).toEqual(other);
  });

  it('does not report a text reflowed in YAML or with different spacing', () => {
    const b = edit((n) => {
      n.purposes[0].description.en = `  ${n.purposes[0].description.en.replace(/ /g, '   ')}  `;
    });
    expect(diff(base, b).changes).toEqual([]);
  });

  it('marks a change to a translation only as translation-only', () => {
    const b = edit((n) => {
      n.title.en = 'Privacy notice of the Praxisportal app';
    });
    expect(diff(base, b).changes[0]).toMatchObject({ id: 'title', translationOnly: true, material: false });
  });
});

describe('layout', () => {
  it('finds no change in the same notice with CRLF line ends (made here, whatever git did to the fixture)', () => {
    const text = readFileSync(path.join(ROOT, 'test/fixtures/notices/praxisportal.v1.yaml'), 'utf8').replace(/\r?\n/g, '\r\n');
    const crlf = validateNotice(loadNotice(text, 'crlf.yaml')).notice!;
    expect(crlf).toBeDefined();
    expect(diff(loadValid(path.join(ROOT, 'test/fixtures/notices/praxisportal.v1.yaml')), crlf).changes).toEqual([]);
  });
});

describe('docs/diff.md', () => {
  it('documents every classification rule in its table', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/diff.md'), 'utf8');
    for (const r of RULES) expect(doc, r.id).toContain(`| \`${r.id}\` | ${r.class} | ${r.category} |`);
  });
});

describe('scripts/gen-large-notice.mjs', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'noticekit-large-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes two deterministic, valid versions with a few dozen changes of every kind', () => {
    const script = path.join(ROOT, 'scripts/gen-large-notice.mjs');
    execFileSync(process.execPath, [script, '--clauses', '1000', '--out', out]);
    const first = readFileSync(path.join(out, 'b.yaml'));
    execFileSync(process.execPath, [script, '--clauses', '1000', '--out', out]);
    expect(readFileSync(path.join(out, 'b.yaml')).equals(first)).toBe(true);
    const result = diffFiles(path.join(out, 'a.yaml'), path.join(out, 'b.yaml'));
    expect(result.changes.length).toBeGreaterThanOrEqual(24);
    expect(result.changes.length).toBeLessThanOrEqual(80);
    for (const kind of ['added', 'removed', 'modified', 'moved', 'renamed'] as const) expect(result.summary[kind], kind).toBeGreaterThan(0);
    expect(result.summary.material).toBeGreaterThan(0);
    expect(result.summary.editorial).toBeGreaterThan(0);
  });
});
