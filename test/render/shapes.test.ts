/**
 * The model shapes of issue 12 point 3, in one German/English notice (test/fixtures/shapes/):
 * an item naming several rights, rights outside Arts. 15-22 with their own words, names per
 * language, clauses for some users only, the Art. 49(1) second-subparagraph transfer, a recipient
 * of no stated kind, no version line. Each is validated, rendered (Markdown, HTML), linted where
 * the GDPR asks for it, and diffed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { diffNotices } from '../../src/diff/index.js';
import { lintNotice } from '../../src/lint/index.js';
import { loadNotice } from '../../src/load/read-notice.js';
import type { Notice } from '../../src/model/notice.js';
import { loadTemplateSet, renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { validateNotice } from '../../src/validate/index.js';
import { attr, elements, text as textOf } from '../helpers/html.js';
import { printedText } from '../helpers/pdf.js';
import { markdownText, ROOT, viewOf } from './helpers.js';

const FILE = path.join(ROOT, 'test/fixtures/shapes/notice.yaml');
const YAML = readFileSync(FILE, 'utf8');

/** Validate a YAML text: the notice (if valid) and the diagnostics. */
function check(yaml: string) {
  const loaded = loadNotice(yaml, 'shapes.yaml');
  return { loaded, ...validateNotice(loaded) };
}

/** Lint a YAML text that must be valid: [code, clause] of each finding. */
function lint(yaml: string): [string, string | undefined][] {
  const { loaded, notice, diagnostics } = check(yaml);
  if (!notice) throw new Error(JSON.stringify(diagnostics));
  return lintNotice(loaded, notice, { today: '2026-12-01' }).map((d) => [d.code, d.clause]);
}

describe('model shapes (issue 12 point 3)', () => {
  it('the notice validates', () => {
    expect(check(YAML).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('Markdown (de, en): names per language, the notice\'s own words for whom a clause applies, each right as stated', async () => {
    const en = markdownText(renderMarkdown(await viewOf(FILE, 'en')));
    const de = markdownText(renderMarkdown(await viewOf(FILE, 'de')));
    // Names per locale: the controller and the DPO.
    expect(en).toContain('Model Authority, Hauptstraße 1, 10115 Berlin, Germany.');
    expect(en).toContain('Data protection officer of the Model Authority');
    expect(en).not.toContain('Musterbehörde');
    expect(de).toContain('Musterbehörde, Hauptstraße 1, 10115 Berlin, Deutschland.');
    // appliesTo: before the purpose, legal basis, retention rule, right, clause; opening the rights and transfers sections.
    expect(en).toContain('For users in the EEA, the UK and Switzerland only: Training our language model on your requests.');
    expect(de).toContain('Nur für Nutzer im EWR, im Vereinigten Königreich und in der Schweiz: Training unseres Sprachmodells mit Ihren Anfragen.');
    expect(en).toContain('In the EEA: Opting out of model training. You can switch off training on your requests in the settings.');
    expect(en).toContain('For users in Switzerland: You can also turn to the FDPIC.');
    expect(en).toContain('In the EEA: Processing is necessary for the purposes of our legitimate interests');
    expect(en).toContain('In Switzerland: Your requests: 6 months.');
    expect(de).toContain('In der Schweiz: Ihre Anfragen: 6 Monate.');
    expect(en).toMatch(/^For all users:$/m);
    expect(en).toMatch(/^For users outside the EEA:$/m);
    // One item naming two rights: both standard names and sentences, or the notice's own words.
    expect(en).toContain('Right of access, Right to rectification. You have the right to obtain confirmation');
    expect(en).toContain('(Art. 16 GDPR)');
    expect(en).toContain('Erasure and restriction. You can ask us to erase your data or to restrict their processing.');
    expect(en).not.toContain('(Art. 17 GDPR)');
    // Rights outside Arts. 15-22: only the notice's own words, no GDPR wording added.
    expect(en).toContain('Contacting the data protection officer. You can ask our data protection officer about anything concerning your data.');
    expect(en).not.toMatch(/Art\. 38/);
    expect(de).toContain('Widerspruch gegen das Modelltraining. In den Einstellungen können Sie das Training mit Ihren Anfragen abschalten.');
    // Art. 49(1), second subparagraph: the transfer tool and the interests in the notice's words.
    expect(en).toContain('Transfer necessary for compelling legitimate interests (Art. 49(1), second subparagraph, GDPR): India.');
    expect(en).toContain('The one-off review of a security incident by a specialist service in India.');
    expect(de).toContain('Übermittlung zur Wahrung zwingender berechtigter Interessen (Art. 49 Abs. 1 Unterabs. 2 DSGVO): Indien.');
    // No version line: the notice states none.
    expect(en).not.toMatch(/Version|effective/i);
    expect(de).not.toMatch(/Version|gültig|Stand/);
  });

  it("HTML: a recipient of no stated kind has an empty kind cell (the table's dash); no version line in header or footer", async () => {
    const templates = await loadTemplateSet();
    const doc = parse(renderHtml(await viewOf(FILE, 'en'), templates));
    const rows = elements(doc).filter((e) => e.nodeName === 'tr' && attr(e, 'id') !== undefined);
    const cells = (id: string) => elements(rows.find((r) => attr(r, 'id') === id)!).filter((e) => e.nodeName === 'td' || e.nodeName === 'th').map((c) => textOf(c).trim());
    expect(cells('mailer')).toEqual(['Service provider (processor)', 'Beispiel Versand GmbH Mailing provider in Ireland.']);
    expect(cells('disclosed-by-law')).toEqual(['—', 'Bodies we disclose data to under a legal obligation.']);
    expect(elements(doc).filter((e) => attr(e, 'class') === 'meta')).toEqual([]);
    expect(textOf(elements(doc).find((e) => e.nodeName === 'footer')!)).not.toMatch(/Version/);
    expect(textOf(doc)).toContain('Data protection officer of the Model Authority');
  });

  it('PDF (text read back with pdf.js): the shapes print, no version line in the footer', async () => {
    const v = await viewOf(FILE, 'en');
    const flat = await printedText(v);
    expect(flat).toContain('For users in Switzerland:');
    expect(flat).toContain('Opting out of model training');
    expect(flat).toContain('Model Authority');
    expect(flat).not.toMatch(/Version|effective/i);
  }, 60_000);

  it('a right outside Arts. 15-22 without its own words is an error at the item, reported once', () => {
    const yaml = YAML.replace(/    - id: training-opt-out\n      right: other\n      appliesTo:\n        de: "Im EWR:"\n        en: "In the EEA:"\n      title:\n        de: .*\n        en: .*\n/, '    - id: training-opt-out\n      right: other\n      appliesTo:\n        de: "Im EWR:"\n        en: "In the EEA:"\n');
    expect(yaml).not.toBe(YAML);
    const { notice, diagnostics } = check(yaml);
    expect(notice).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['missing-key', YAML.split('\n').findIndex((l) => l.includes('id: training-opt-out')) + 1]]);
    expect(diagnostics[0]!.message).toContain("missing 'title'");
  });

  it('lint: no false rights-listed error (each right an item names counts), the gaps at their clauses', () => {
    const found = lint(YAML);
    expect(found.filter(([code]) => code === 'rights-listed')).toEqual([]);
    expect(found).toContainEqual(['version-stated', 'shapes']);
    expect(found).toContainEqual(['recipients-specific', 'disclosed-by-law']);
    expect(found.filter(([code]) => code === 'transfer-safeguard' || code === 'dpo-contact')).toEqual([]);
    // Drop the erasure/restriction item: both are reported missing.
    const without = YAML.replace(/    - id: erasure-restriction\n(      .*\n|        .*\n)*?(?=    - id: portability)/, '');
    expect(without).not.toBe(YAML);
    expect(lint(without).filter(([code]) => code === 'rights-listed')).toHaveLength(2);
  });

  it('lint: a dpo-contact right with no DPO, an Art. 49(1) second-subparagraph transfer without its interests', () => {
    const noDpo = YAML.replace(/^dpo:\n(  .*\n)+/m, '');
    expect(noDpo).not.toBe(YAML);
    expect(lint(noDpo)).toContainEqual(['dpo-contact', 'contact-dpo']);
    const noInterests = YAML.replace(/      compellingInterests:\n(        .*\n)+/, '');
    expect(noInterests).not.toBe(YAML);
    expect(lint(noInterests)).toContainEqual(['transfer-safeguard', 'one-off']);
  });

  it('diff: a right named in an item, whom a purpose applies to, a recipient\'s kind stated', () => {
    const base = check(YAML).notice!;
    const edit = (change: (n: any) => void): Notice => {
      const copy = structuredClone(base) as any;
      change(copy);
      return copy as Notice;
    };
    const diff = (a: Notice, b: Notice) => diffNotices({ notice: a, file: 'a' }, { notice: b, file: 'b' }).changes;
    const also = diff(edit((n) => (n.rights.items[0].also = undefined)), base);
    expect(also.map((c) => [c.id, c.rule, c.material])).toEqual([['rights/items/access-rectification', 'rights-exercise-changed', true]]);
    const scope = diff(base, edit((n) => (n.purposes[1].appliesTo = { de: 'Nur für Nutzer im EWR:', en: 'For users in the EEA only:' })));
    expect(scope.map((c) => [c.id, c.class])).toEqual([['purposes/model-training', 'review']]);
    const kind = diff(base, edit((n) => (n.recipients[1].kind = 'authority')));
    expect(kind.map((c) => [c.id, c.rule, c.material])).toEqual([['recipients/disclosed-by-law', 'wider-recipients', true]]);
  });
});
