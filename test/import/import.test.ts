/**
 * `noticekit import` on real notices (test/fixtures/import/<name>/, see each ORIGIN.md): the draft
 * validates, or fails only where a TODO says what is missing; its rendering reproduces the
 * source's sentences; and the recognisers for citations, countries, phones and dates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNotice, measureImport, sourceFormat } from '../../src/import/index.js';
import { citations, countries, firstDate, firstPeriod, headingKind, phones } from '../../src/import/recognise.js';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

async function imported(name: string, file: string) {
  const format = sourceFormat(file)!;
  const result = await importNotice(readFileSync(path.join(FIXTURES, name, file)), format, { id: name, today: '2026-01-01', schemaPath: '../schema/notice.schema.json' });
  const checked = validateNotice(loadNotice(result.yaml, `${name}.yaml`));
  const measure = await measureImport(result.blocks, result.yaml, result.locale);
  return { ...result, checked, measure };
}

/** Every error is on a line that a `# TODO` comment directly above it (or on it) explains. */
function errorsOnlyAtTodos(yaml: string, lines: number[]): boolean {
  const text = yaml.split('\n');
  return lines.every((l) => /# TODO/.test(text[l - 1] ?? '') || /# TODO/.test(text[l - 2] ?? ''));
}

describe('import: real notices', () => {
  it.each([
    // name, file, locale, min sentence share, min fact share
    ['donkey-republic', 'source.md', 'en', 0.9, 0.8],
    ['tagged-de', 'source.md', 'de', 0.9, 0.75],
    ['deutsche-bahn', 'source.html', 'en', 0.9, 0.5],
  ] as const)('%s (%s): the draft validates and renders back the source', async (name, file, locale, minSentences, minFacts) => {
    const r = await imported(name, file);
    expect(r.locale).toBe(locale);
    expect(r.checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.measure.sentences).toBeGreaterThan(100);
    expect(r.measure.reproduced! / r.measure.sentences).toBeGreaterThanOrEqual(minSentences);
    expect(r.measure.structured / r.measure.facts).toBeGreaterThanOrEqual(minFacts);
    expect(r.yaml).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/notice\.schema\.json$/m);
    expect(r.yaml).toContain('# TODO: ');
  });

  it('donkey-republic: controller, its contact and legal bases are structured', async () => {
    const { checked } = await imported('donkey-republic', 'source.md');
    const n = checked.notice!;
    expect(n.controller.name).toBe('DonkeyRepublic Admin Aps');
    expect(n.controller.address).toMatchObject({ postalCode: '1717', country: 'DK' });
    expect(n.controller.contact.phone).toBe('+45 89 88 7227');
    expect(new Set(n.purposes.flatMap((p) => (p.legalBases ?? []).map((b) => b.gdpr)))).toEqual(new Set(['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(f)']));
    expect(n.categories.map((c) => c.label.en)).toContain('IP address');
    expect((n.recipients ?? []).map((r) => r.kind)).toContain('processor');
  });

  it('tagged-de: bold headings, an address over three paragraphs, the DPO and the EU representative', async () => {
    const { checked, yaml } = await imported('tagged-de', 'source.md');
    const n = checked.notice!;
    expect(n.controller).toMatchObject({ name: 'The Meet Group, Inc.', address: { street: '100 Union Square Drive', city: 'New Hope', region: 'PA', postalCode: '18938', country: 'US' } });
    expect(n.dpo?.name).toBe('ePrivacy GmbH');
    expect(n.representative).toMatchObject({ name: 'ParshipMeet Holding GmbH', contact: { email: 'privacy@parshipmeet.com' } });
    // The source gives the DPO's town but no country: the draft leaves the address to a person.
    expect(yaml).toMatch(/# TODO: the data protection officer's address/);
    expect(n.rights.items.map((r) => r.right)).toEqual(expect.arrayContaining(['access', 'rectification', 'erasure', 'portability', 'object']));
    expect(n.transfers?.destinations.map((d) => d.country)).toContain('US');
  });

  it('reach-group (.docx): the draft fails only where a TODO says what is missing (no list of data categories)', async () => {
    const r = await imported('reach-group', 'source.docx');
    const errors = r.checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(r.yaml.split('\n')[errors[0]!.line - 1]).toBe('categories: []');
    expect(errorsOnlyAtTodos(r.yaml, errors.map((e) => e.line))).toBe(true);
    expect(r.yaml).toMatch(/# TODO: no list of personal data categories was found/);
    expect(r.measure.reproduced).toBeUndefined();
    const data = loadNotice(r.yaml).data as { controller: { name: string; address: { country: string } } };
    expect(data.controller.name).toBe('The Reach Group GmbH');
    expect(data.controller.address.country).toBe('DE');
  });
});

describe('import: recognisers', () => {
  it.each([
    ['Article 6 (1) point (f) of the GDPR', '6(1)(f)'],
    ['Art. 6(1)(b) GDPR', '6(1)(b)'],
    ['Art. 6 para. 1 lit. a) GDPR', '6(1)(a)'],
    ['Art. 6 Abs. 1 lit. c DSGVO', '6(1)(c)'],
    ['Art. 6 Abs. 1 S. 1 lit. f DSGVO', '6(1)(f)'],
    ['Art. 9 Abs. 2 lit. h DSGVO', '9(2)(h)'],
    ['VDAR 6. panta 1. punkta b) apakšpunkts', '6(1)(b)'],
  ])('citation %s -> %s', (text, gdpr) => {
    expect(citations(text).map((c) => c.gdpr)).toEqual([gdpr]);
  });

  it('does not read other articles or impossible points as legal bases', () => {
    expect(citations('According to GDPR Art.4 and Art. 6(2) and Art. 6(1)(g) and Art. 27 DSGVO')).toEqual([]);
  });

  it('countries by name in the notice language and English, with common short forms', () => {
    expect(countries('Daten werden in die USA, nach Irland und in das Vereinigte Königreich übermittelt', 'de')).toEqual(['US', 'IE', 'GB']);
    expect(countries('stored in Denmark and the United States; the European Union is no country', 'en')).toEqual(['DK', 'US']);
    expect(countries('Dati tiek nosūtīti uz ASV un Lielbritānija', 'lv')).toEqual(['US', 'GB']);
  });

  it('phones in the form the schema takes, dates and periods', () => {
    expect(phones('Telephone: (+45) 89 88 7227 (DK)')).toEqual(['+45 89 88 7227']);
    expect(firstDate('Stand: October 8, 2024')).toBe('2024-10-08');
    expect(firstDate('Stand: 8. Oktober 2024')).toBe('2024-10-08');
    expect(firstDate('16.10.2019')).toBe('2019-10-16');
    expect(firstDate('2025-02-30')).toBeUndefined();
    expect(firstPeriod('we will retain your data for up to four years')).toEqual({ period: 'P4Y', match: 'four years' });
    expect(firstPeriod('für 30 Tage gespeichert')?.period).toBe('P30D');
  });

  it('headings in en, de and lv', () => {
    expect(headingKind('Section 7: 3rd parties with whom personal information may be shared')).toBe('recipients');
    expect(headingKind('8. Aufbewahrungsdauer für personenbezogene Daten')).toBe('retention');
    expect(headingKind('Datu subjekta tiesības')).toBe('rights');
    expect(headingKind('Apstrādes mērķi')).toBe('purposes');
    expect(headingKind('5. Data transmission to third countries')).toBe('transfers');
  });
});
