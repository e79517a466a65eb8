/**
 * Purpose-centred rendering: the table layout (purpose | data | legal basis | retention) in
 * Markdown, HTML and PDF, legal bases by purpose in the list layout, a sources section, free
 * clauses placed after any clause id, and a notice-defined section order.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'parse5';
import { attr, elements, text as textOf, type Element, type Node } from '../helpers/html.js';
import { describe, expect, it } from 'vitest';
import { loadNotice } from '../../src/load/read-notice.js';
import { loadPhrasePack, Phrases } from '../../src/model/phrases.js';
import { buildView, type NoticeView } from '../../src/model/view.js';
import { loadTemplateSet, renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { validateNotice } from '../../src/validate/index.js';
import { printedText } from '../helpers/pdf.js';
import { markdownText, PRAXIS } from './helpers.js';


const praxis = readFileSync(PRAXIS, 'utf8');
async function view(yaml: string, locale = 'en'): Promise<NoticeView> {
  const { notice, diagnostics } = validateNotice(loadNotice(yaml, 'case.yaml'));
  if (!notice) throw new Error(JSON.stringify(diagnostics.filter((d) => d.severity === 'error')));
  return buildView(notice, new Phrases(locale, (await loadPhrasePack(locale))!, notice.phrases));
}
const withTop = (yaml: string, lines: string) => yaml.replace(/^sourceLocale: de\n/m, `sourceLocale: de\n${lines}\n`);
const purposeIds = [...praxis.matchAll(/^purposes:\n|^ {2}- id: ([a-z-]+)\n {4}description:/gm)].map((m) => m[1]).filter(Boolean);

describe('layout: table', () => {
  const yaml = withTop(praxis, 'layout: table');

  it('prints purposes as a Markdown table with data, legal basis and retention, and no separate legal-bases section', async () => {
    const md = renderMarkdown(await view(yaml));
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows[0]).toBe('| Purpose | Personal data | Legal basis | Storage period |');
    const booking = rows.find((r) => r.startsWith('| Registration on the Praxisportal'))!;
    expect(booking.split(' | ').length).toBe(4);
    expect(booking).toContain('Email address');
    expect(booking).toMatch(/Art\. 6\(1\)\(b\) GDPR/);
    expect(md).not.toContain('## Our legal basis');
    expect(md).not.toMatch(/[^.]\.\.(?!\.)/);
  });

  it('prints a semantic HTML table, one row per purpose keyed by its id', async () => {
    const doc = parse(await renderHtml(await view(yaml), await loadTemplateSet()));
    const all = elements(doc);
    const section = all.find((e) => e.tagName === 'section' && attr(e, 'id') === 'purposes')!;
    const table = elements(section).find((e) => e.tagName === 'table')!;
    const heads = elements(table).filter((e) => e.tagName === 'th');
    expect(heads.map((h) => [textOf(h), attr(h, 'scope')])).toEqual([['Purpose', 'col'], ['Personal data', 'col'], ['Legal basis', 'col'], ['Storage period', 'col']]);
    const rows = elements(table).filter((e) => e.tagName === 'tr' && attr(e, 'id'));
    expect(rows.map((r) => attr(r, 'id'))).toEqual(purposeIds);
    expect(all.some((e) => attr(e, 'id') === 'legal-bases')).toBe(false);
  });

  it('layouts: recipients as a list overrides the notice layout', async () => {
    const doc = parse(await renderHtml(await view(withTop(praxis, 'layout: table\nlayouts: { recipients: list }')), await loadTemplateSet()));
    const section = elements(doc).find((e) => e.tagName === 'section' && attr(e, 'id') === 'recipients')!;
    expect(elements(section).some((e) => e.tagName === 'table')).toBe(false);
    expect(elements(section).some((e) => e.tagName === 'ul')).toBe(true);
  });

  it('prints the table in the PDF (text read back with pdf.js)', async () => {
    const v = await view(yaml);
    const flat = await printedText(v);
    expect(flat).toContain('Storage period');
    expect(flat).toContain('Personal data');
  }, 60_000);
});

describe('layout: list (default)', () => {
  it('gives legal bases by purpose, with each purpose its legitimate interests', async () => {
    const text = markdownText(renderMarkdown(await view(praxis)));
    const lines = text.split('\n');
    const reminders = lines.findIndex((l) => l.startsWith('Purpose: Reminding you of your booked appointments'));
    expect(reminders).toBeGreaterThan(0);
    expect(lines.slice(reminders + 1, reminders + 4).some((l) => l.startsWith('Legitimate interests pursued:'))).toBe(true);
  });

  it('prints the sources as their own section under their heading', async () => {
    const v = await view(praxis);
    const sources = v.sections.find((s) => s.key === 'sources')!;
    expect(sources.heading).toBe('Where the data come from');
    expect(sources.blocks[1]).toMatchObject({ type: 'list' });
    expect(sources.blocks[1]!.type === 'list' && sources.blocks[1]!.items[0]!.id).toBe('patient');
    expect(v.sections.find((s) => s.key === 'categories')!.blocks.every((b) => b.type !== 'paragraph' || !b.id)).toBe(true);
  });
});

describe('free clauses and section order', () => {
  it('a clause with afterClause follows the block holding that clause id', async () => {
    const yaml = praxis.replace(/^clauses:\n/m, 'clauses:\n  - id: reminder-note\n    afterClause: reminders\n    text:\n      de: Hinweis zu Erinnerungen.\n      en: A note on reminders.\n');
    const v = await view(yaml);
    const section = v.sections.find((s) => s.blocks.some((b) => b.type === 'paragraph' && b.id === 'reminder-note'))!;
    const i = section.blocks.findIndex((b) => b.type === 'paragraph' && b.id === 'reminder-note');
    const before = section.blocks[i - 1]!;
    expect(before.type === 'list' && before.items.some((it) => it.id === 'reminders')).toBe(true);
  });

  it('an afterClause naming no clause is an error at its position', () => {
    const yaml = praxis.replace(/^clauses:\n/m, 'clauses:\n  - id: stray\n    afterClause: remindres\n    text:\n      de: Text.\n      en: Text.\n');
    const { diagnostics } = validateNotice(loadNotice(yaml, 'case.yaml'));
    const d = diagnostics.find((x) => x.code === 'unknown-reference')!;
    expect(d.path).toBe('clauses[0].afterClause');
    expect(d.line).toBe(praxis.split('\n').findIndex((l) => l === 'clauses:') + 3);
    expect(d.expected).toEqual(['reminders']);
  });

  it('sectionOrder prints the notice\'s order first, then the standard one', async () => {
    const v = await view(withTop(praxis, 'sectionOrder: [rights, purposes]'));
    expect(v.sections.map((s) => s.key).slice(0, 3)).toEqual(['rights', 'purposes', 'controller']);
  });
});
