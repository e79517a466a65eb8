/**
 * praxisportal v1 -> v2 yields every change listed in praxisportal.CHANGES.md, with the right
 * material/editorial class, in all four output formats.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiffHtml, formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../src/diff/index.js';
import type { ClauseChange, NoticeDiff } from '../../src/diff/types.js';
import { diffFiles, parseHtml, PRAXIS_V1, PRAXIS_V2, ROOT } from './helpers.js';

interface Listed {
  id: string;
  fromId?: string;
  kind: string;
  cls: 'material' | 'review' | 'editorial';
  material: boolean;
}

/** Parse the list of intended differences: "- `path` · kind · material|review|editorial · why". */
function listedChanges(): Listed[] {
  const text = readFileSync(path.join(ROOT, 'test/fixtures/notices/praxisportal.CHANGES.md'), 'utf8');
  const out: Listed[] = [];
  for (const line of text.split('\n')) {
    const m = /^- `([^`]+)`(?: -> `([^`]+)`)? · (\w+) · (material|review|editorial) · /.exec(line);
    if (!m) continue;
    const [, first = '', renamedTo, kind = '', clsText = ''] = m;
    const cls = clsText as Listed['cls'];
    out.push(renamedTo ? { id: renamedTo, fromId: first, kind, cls, material: cls === 'material' } : { id: first, kind, cls, material: cls === 'material' });
  }
  return out;
}

const listed = listedChanges();
const diff = diffFiles(PRAXIS_V1, PRAXIS_V2);
const key = (c: { id: string; kind: string }) => `${c.id} ${c.kind}`;

/** Check that a format reports the listed changes: `material`, `review` and `editorial` are the ids found in each class. */
function expectClasses(found: { material: string[]; review: string[]; editorial: string[] }): void {
  const movedListed = listed.filter((c) => c.kind === 'moved');
  for (const c of listed) {
    if (c.kind === 'moved') continue;
    expect(found[c.cls], `${c.id} (${c.kind})`).toContain(c.id);
    for (const other of (['material', 'review', 'editorial'] as const).filter((x) => x !== c.cls)) expect(found[other], `${c.id} (${c.kind}) not ${other}`).not.toContain(c.id);
  }
  // Swapping two clauses: a longest-increasing-subsequence diff reports one of the pair as moved.
  expect(movedListed.some((c) => found.editorial.includes(c.id))).toBe(true);
}

describe('praxisportal v1 -> v2', () => {
  it('parses the list of intended changes', () => {
    expect(listed.length).toBe(23);
  });

  it('reports every listed change with its kind and class, and nothing else', () => {
    const reported = new Map(diff.changes.map((c) => [key(c), c]));
    for (const c of listed.filter((l) => l.kind !== 'moved')) {
      const r = reported.get(key(c));
      expect(r, `${c.kind} ${c.id}`).toBeDefined();
      expect(r!.material, `${c.id} material`).toBe(c.material);
      expect(r!.class, `${c.id} class`).toBe(c.cls);
      if (c.fromId) expect(r!.fromId).toBe(c.fromId);
    }
    const moved = diff.changes.filter((c) => c.kind === 'moved');
    expect(moved.length).toBeGreaterThanOrEqual(1);
    for (const m of moved) expect(listed.filter((l) => l.kind === 'moved').map((l) => l.id)).toContain(m.id);
    const allowed = new Set(listed.map(key));
    expect(diff.changes.filter((c) => !allowed.has(key(c))).map(key)).toEqual([]);
  });

  it('classifies with the expected rules and flags', () => {
    const get = (id: string, kind = 'modified') => diff.changes.find((c) => c.id === id && c.kind === kind)!;
    expect(get('purposes/video-consultation', 'added').rule).toBe('new-purpose');
    expect(get('purposes/reminders/legalBases/reminders-basis').rule).toBe('legal-basis-changed');
    expect(get('purposes/reminders/legalBases/reminders-basis').summary).toContain("legal basis of purpose 'reminders' changed from Art. 6(1)(f) to 6(1)(a)");
    expect(get('retention/rules/unattended-appointments').summary).toContain("retention of 'unattended-appointments' extended from P6M to P2Y");
    expect(get('transfers/destinations/india', 'added').summary).toContain('transfer to IN (India) added');
    expect(get('transfers/destinations/india', 'added').summary).toContain('safeguard: SCC');
    expect(get('dpo').summary).toContain('DPO email changed');
    expect(get('automatedDecisions').rule).toBe('new-automated-decision');
    expect(get('categories/insurance-data').translationOnly).toBe(true);
    expect(get('categories/insurance-data').material).toBe(false);
    expect(get('categories/insurance-data').rule).toBe('translation-changed');
    expect(get('categories/insurance-data').fields[0]!.source?.locale).toBe('de');
    expect(get('clauses/security').rule).toBe('text-changed');
    expect(get('clauses/security').summary).toContain("adds 'Art. 32 DSGVO' to clause 'security'");
    expect(get('clauses/security').staleTranslations).toEqual(['en']);
    expect(get('sources/referring-doctors').category).toBe('spelling');
    expect(get('purposes/appointment-booking').category).toBe('reference');
    expect(get('categories/phone-number', 'renamed').fromId).toBe('categories/phone');
    for (const c of diff.changes.filter((x) => x.material)) expect(c.reason).toMatch(/WP260 rev\.01 \(paras 29-31/);
  });

  it('counts the changes in the summary', () => {
    expect(diff.summary.material).toBe(13);
    expect(diff.summary.review).toBe(2);
    expect(diff.summary.material + diff.summary.review + diff.summary.editorial).toBe(diff.changes.length);
    expect(diff.summary.renamed).toBe(1);
    expect(diff.summary.added).toBe(7);
  });
});

describe('output formats', () => {
  it('json: parses, has the documented shape, and lists every change', () => {
    const json = JSON.parse(formatDiffJson(diff)) as { from: Record<string, string>; to: Record<string, string>; changes: Record<string, unknown>[]; summary: NoticeDiff['summary'] };
    expect(Object.keys(json)).toEqual(['from', 'to', 'changes', 'summary']);
    expect(json.from).toMatchObject({ file: 'test/fixtures/notices/praxisportal.v1.yaml', version: '1.0' });
    expect(json.to.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const c of json.changes) {
      for (const k of ['id', 'kind', 'material', 'category', 'locales', 'summary', 'before', 'after']) expect(c, k).toHaveProperty(k);
      if (c.material) expect(typeof c.rule).toBe('string');
    }
    expect(Object.keys(json.summary)).toEqual(['material', 'review', 'editorial', 'added', 'removed', 'modified', 'moved', 'renamed']);
    const ids = (cls: string) => json.changes.filter((c) => c.class === cls).map((c) => String(c.id));
    expectClasses({ material: ids('material'), review: ids('review'), editorial: ids('editorial') });
    for (const c of json.changes) expect(c.material).toBe(c.class === 'material');
  });

  it('text: material section first, every change listed, no colour unless asked', () => {
    const text = formatDiffText(diff);
    expect(text).not.toMatch(/\u001b\[/);
    const [head = '', editorial = ''] = text.split(/^Editorial changes/m);
    const [material = '', review = ''] = head.split(/^Changes to review/m);
    const ids = (part: string) => [...part.matchAll(/^ {2}\S+ (\S+)/gm)].map((m) => m[1]!);
    expectClasses({ material: ids(material), review: ids(review), editorial: ids(editorial) });
    expect(text).toMatch(/label \[de, source, unchanged\]: /);
    expect(text).toContain('[-übermittelt-]{+übermitteln+}');
    expect(formatDiffText(diff, { color: true })).toMatch(/\u001b\[31m/);
  });

  it('md: summary table, then changes with material first', () => {
    const md = formatDiffMarkdown(diff);
    const summaryAt = md.indexOf('| change | material | review | editorial | total |');
    const materialAt = md.indexOf('### Material changes (13)');
    const reviewAt = md.indexOf('### Changes to review (2)');
    const editorialAt = md.indexOf('### Editorial changes');
    expect(summaryAt).toBeGreaterThan(0);
    expect(materialAt).toBeGreaterThan(summaryAt);
    expect(reviewAt).toBeGreaterThan(materialAt);
    expect(editorialAt).toBeGreaterThan(reviewAt);
    const ids = (part: string) => [...part.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]!);
    const wordsAt = md.indexOf('<details><summary>Word changes');
    expectClasses({ material: ids(md.slice(materialAt, reviewAt)), review: ids(md.slice(reviewAt, editorialAt)), editorial: ids(md.slice(editorialAt, wordsAt)) });
    expect(md).toContain('de source text (unchanged):');
    expect(md).toContain('<del>übermittelt</del><ins>übermitteln</ins>');
    expect(md).not.toContain('Generated');
  });

  it('html: well-formed, escaped, no script or external resource, a redline per word change', () => {
    const html = formatDiffHtml(diff);
    const elements = parseHtml(html);
    expect(elements.some((e) => e.name === 'script')).toBe(false);
    expect(html).not.toMatch(/<script|javascript:|\son\w+=|\s(src|href)=|@import|url\(/i);
    expect(html).toContain("default-src 'none'");
    // One <ins>/<del> (without attributes) per inserted/deleted run of the word diffs.
    const runs = (op: string) => diff.changes.flatMap((c) => c.fields.flatMap((f) => Object.values(f.words ?? {}).flat())).filter(([o]) => o === op).length;
    expect(elements.filter((e) => e.name === 'ins' && e.attrs === '').length).toBe(runs('+'));
    expect(elements.filter((e) => e.name === 'del' && e.attrs === '').length).toBe(runs('-'));
    expect(runs('+')).toBeGreaterThan(5);
    // Both versions identified.
    for (const v of [diff.from, diff.to]) {
      expect(html).toContain(v.sha256);
      expect(html).toContain(`<td>${v.version}</td>`);
      expect(html).toContain(`<td>${v.effectiveDate}</td>`);
    }
    // Material articles first, each change once.
    const articles = elements.filter((e) => e.name === 'article');
    expect(articles.length).toBe(diff.changes.length);
    const idOf = (a: ReturnType<typeof parseHtml>[number]) => elements.find((e) => e.name === 'code' && e.parent?.name === 'h3' && e.parent.parent === a)!.text;
    const ofClass = (cls: string) => articles.filter((a) => a.attrs.includes(` ${cls} `) || a.attrs.includes(`"change ${cls}`)).map(idOf);
    expectClasses({ material: ofClass('material'), review: ofClass('review'), editorial: ofClass('editorial') });
    const firstReview = articles.findIndex((a) => a.attrs.includes('review'));
    const firstEditorial = articles.findIndex((a) => a.attrs.includes('editorial'));
    expect(firstReview).toBeGreaterThan(0);
    expect(articles.slice(0, firstReview).every((a) => a.attrs.includes('material'))).toBe(true);
    expect(articles.slice(firstEditorial).every((a) => a.attrs.includes('editorial'))).toBe(true);
    expect(elements.some((e) => e.name === 'dd' && e.attrs.includes('class="source"'))).toBe(true);
  });

  it('html: reproducible, and dated only when asked', () => {
    expect(formatDiffHtml(diff)).toBe(formatDiffHtml(diffFiles(PRAXIS_V1, PRAXIS_V2)));
    expect(formatDiffHtml(diff)).not.toContain('Generated');
    expect(formatDiffHtml(diff, { timestamp: '2026-01-15T00:00:00.000Z' })).toContain('Generated 2026-01-15T00:00:00.000Z');
  });

  it('html: escapes everything taken from the notice', () => {
    const hostile: ClauseChange = {
      ...diff.changes[0]!,
      id: 'controller',
      summary: 'controller: name changed from <b>A</b> to <script>alert(1)</script>',
      fields: [{ field: 'name', rule: 'controller-identity', summary: '"quoted" & <tag>', before: '<img src=x onerror=alert(1)>', after: "O'Brien & Co <script>", words: { en: [['=', 'a <b> '], ['-', '<i>'], ['+', '</del><script>']] } }],
    };
    const html = formatDiffHtml({ ...diff, changes: [hostile], from: { ...diff.from, file: '<evil>.yaml' } });
    parseHtml(html);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;evil&gt;.yaml');
    const md = formatDiffMarkdown({ ...diff, changes: [hostile] });
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
  });
});
