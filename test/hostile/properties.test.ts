/**
 * Properties over random edits of the reference notice (fast-check, fixed seeds, bounded runs):
 * no command ever crashes, whatever the edit (only diagnostics; exit codes 0, 1 or 2); a notice
 * diffed with itself has no changes; diff(a, b) mirrors diff(b, a); rendering Markdown and HTML
 * gives the same bytes every time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { diffNotices } from '../../src/diff/index.js';
import { loadNotice } from '../../src/load/read-notice.js';
import type { Notice } from '../../src/model/notice.js';
import { loadPhrasePack, Phrases } from '../../src/model/phrases.js';
import { buildView } from '../../src/model/view.js';
import { loadTemplateSet, renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { validateNotice } from '../../src/validate/validate-notice.js';
import { cli, leftovers, prototypeKeys, REFERENCE } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-properties-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const reference = YAML.parse(readFileSync(REFERENCE, 'utf8')) as Record<string, unknown>;
const LOCALES = new Set(['lv', 'en']);

type Key = string | number;
interface Slot {
  parent: Record<Key, unknown> | unknown[];
  key: Key;
}

/** Every place in the data that holds a value, depth first. */
function slots(data: unknown): Slot[] {
  const out: Slot[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push({ parent: node, key: i }), walk(v)));
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) (out.push({ parent: node as Record<Key, unknown>, key: k }), walk(v));
  };
  walk(data);
  return out;
}

/** One random edit: at a position (taken modulo the places that fit), with a value. */
type Edit =
  | { kind: 'delete'; at: number }
  | { kind: 'retype'; at: number; value: unknown }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'duplicate'; at: number; which: number };

const anyValue = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 8 }), { maxKeys: 2 }));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('', ' ', '\u202E', '<script>x</script>', '[a](javascript:1)', '> '.repeat(30), '*a'.repeat(600), '\u0000', '- '.repeat(40)));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: anyText }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), which: fc.nat() }),
);

function applyEdits(edits: Edit[]): Record<string, unknown> {
  const data = structuredClone(reference);
  for (const e of edits) {
    const all = slots(data);
    const fitting = e.kind === 'text' ? all.filter((s) => typeof s.key === 'string' && LOCALES.has(s.key)) : e.kind === 'duplicate' ? all.filter((s) => Array.isArray(s.parent[s.key as never])) : all;
    if (fitting.length === 0) continue;
    const { parent, key } = fitting[e.at % fitting.length]!;
    if (e.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (e.kind === 'retype') (parent as Record<Key, unknown>)[key] = e.value;
    else if (e.kind === 'text') (parent as Record<Key, unknown>)[key] = e.text;
    else {
      const list = (parent as Record<Key, unknown[]>)[key]!;
      if (list.length > 0) list.push(structuredClone(list[e.which % list.length]));
    }
  }
  return data;
}

/** Texts an editor could write: letters of several scripts, digits, spaces and plain punctuation. */
const safeText = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789äöüßāēīšžéçАБВгдеαβγ中文,.;:()\'-'), minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && !/^[\s\d-]/.test(s));

/** Edits that keep the notice valid: reword texts, reorder lists, drop or add free clauses and rights. */
type ValidEdit = { kind: 'text'; at: number; text: string } | { kind: 'reverse'; list: 'purposes' | 'categories' | 'recipients' | 'clauses' } | { kind: 'drop-clause'; at: number } | { kind: 'drop-right'; at: number } | { kind: 'add-clause'; at: number; text: string };
const validEdit: fc.Arbitrary<ValidEdit> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: safeText }),
  fc.record({ kind: fc.constant('reverse' as const), list: fc.constantFrom('purposes' as const, 'categories' as const, 'recipients' as const, 'clauses' as const) }),
  fc.record({ kind: fc.constant('drop-clause' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop-right' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add-clause' as const), at: fc.nat(), text: safeText }),
);

function applyValidEdits(edits: ValidEdit[]): Record<string, unknown> {
  const data = structuredClone(reference) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let added = 0;
  for (const e of edits) {
    if (e.kind === 'text') {
      const texts = slots(data).filter((s) => typeof s.key === 'string' && LOCALES.has(s.key) && typeof s.parent[s.key as never] === 'string');
      const { parent, key } = texts[e.at % texts.length]!;
      (parent as Record<Key, unknown>)[key] = e.text;
    } else if (e.kind === 'reverse') (data[e.list] as unknown[]).reverse();
    else if (e.kind === 'drop-clause' && data.clauses.length > 0) data.clauses.splice(e.at % data.clauses.length, 1);
    else if (e.kind === 'drop-right' && data.rights.items.length > 1) data.rights.items.splice(e.at % data.rights.items.length, 1);
    else if (e.kind === 'add-clause') data.clauses.splice(e.at % (data.clauses.length + 1), 0, { id: `added-clause-${++added}`, after: 'dpo', text: { lv: e.text, en: e.text } });
  }
  return data;
}

/** The notice a data tree makes, when valid. */
function noticeOf(data: unknown): Notice | undefined {
  return validateNotice(loadNotice(YAML.stringify(data), 'edited.yaml')).notice;
}

describe('properties', () => {
  it('no random edit makes any command crash: only diagnostics, exit codes 0, 1 or 2', async () => {
    const protoBefore = prototypeKeys();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const file = path.join(scratch, `edited-${++n}.yaml`);
        writeFileSync(file, YAML.stringify(applyEdits(edits)));
        const out = path.join(scratch, `out-${n}`);
        const runs = [
          [await cli(['validate', file]), [0, 1]],
          [await cli(['build', file, '--out', out, '--formats', 'md,html', '--no-cache']), [0, 1]],
          [await cli(['diff', REFERENCE, file]), [0, 1, 2]],
          [await cli(['lint', file]), [0, 1]],
        ] as const;
        for (const [result, allowed] of runs) {
          expect(allowed, result.stderr).toContain(result.code);
          expect(result.stderr).not.toMatch(/internal error|\n {4}at /);
        }
        expect(leftovers(out)).toEqual([]);
        rmSync(out, { recursive: true, force: true });
        rmSync(file, { force: true });
      }),
      { numRuns: 80, seed: 20_260_601 },
    );
    expect(prototypeKeys()).toEqual(protoBefore);
  });

  it('diff(x, x) is empty', () => {
    fc.assert(
      fc.property(fc.array(validEdit, { maxLength: 5 }), (edits) => {
        const notice = noticeOf(applyValidEdits(edits));
        expect(notice).toBeDefined();
        const diff = diffNotices({ notice: notice!, file: 'a.yaml' }, { notice: structuredClone(notice!), file: 'b.yaml' });
        expect(diff.changes).toEqual([]);
      }),
      { numRuns: 60, seed: 424_242 },
    );
  });

  it('diff(a, b) mirrors diff(b, a): added <-> removed, the same clauses modified, moved and renamed', () => {
    fc.assert(
      fc.property(fc.array(validEdit, { maxLength: 5 }), fc.array(validEdit, { maxLength: 5 }), (editsA, editsB) => {
        const a = noticeOf(applyValidEdits(editsA));
        const b = noticeOf(applyValidEdits(editsB));
        expect(a && b).toBeTruthy();
        const ab = diffNotices({ notice: a!, file: 'a.yaml' }, { notice: b!, file: 'b.yaml' });
        const ba = diffNotices({ notice: b!, file: 'b.yaml' }, { notice: a!, file: 'a.yaml' });
        const mirror: Record<string, string> = { added: 'removed', removed: 'added', modified: 'modified', moved: 'moved', renamed: 'renamed' };
        const key = (c: { id: string; fromId?: string; kind: string }, flip: boolean) => {
          const kind = flip ? mirror[c.kind]! : c.kind;
          // A rename from x to y is, the other way round, a rename from y to x.
          const ids = c.kind === 'renamed' ? (flip ? `${c.fromId}>${c.id}` : `${c.id}>${c.fromId}`) : c.id;
          return `${kind} ${ids}`;
        };
        expect(ab.changes.map((c) => key(c, true)).sort()).toEqual(ba.changes.map((c) => key(c, false)).sort());
        expect(ab.summary.added).toBe(ba.summary.removed);
        expect(ab.summary.removed).toBe(ba.summary.added);
        expect(ab.summary.modified).toBe(ba.summary.modified);
        expect(ab.changes.length === 0).toBe(ba.changes.length === 0);
      }),
      { numRuns: 60, seed: 7_001 },
    );
  });

  it('renders the same Markdown and HTML every time', async () => {
    const templates = await loadTemplateSet();
    const packs = { lv: (await loadPhrasePack('lv'))!, en: (await loadPhrasePack('en'))! };
    fc.assert(
      fc.property(fc.array(validEdit, { maxLength: 5 }), fc.constantFrom('lv' as const, 'en' as const), (edits, locale) => {
        const data = applyValidEdits(edits);
        const notice = noticeOf(data)!;
        const again = noticeOf(structuredClone(data))!;
        const view = buildView(notice, new Phrases(locale, packs[locale], notice.phrases));
        const view2 = buildView(again, new Phrases(locale, packs[locale], again.phrases));
        expect(renderMarkdown(view2)).toBe(renderMarkdown(view));
        expect(renderHtml(view2, templates)).toBe(renderHtml(view, templates));
        expect(renderHtml(view, templates, { pdf: true })).toBe(renderHtml(view2, templates, { pdf: true }));
      }),
      { numRuns: 50, seed: 99 },
    );
  });
});
