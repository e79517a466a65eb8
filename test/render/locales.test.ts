/**
 * Locales: a regional tag falls back to its language's pack with the region's dates; dates and
 * citations take each language's legal form; the Art. 49 derogation is cited in the locale's form.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { formatDate, pointLetter } from '../../src/model/format.js';
import { loadPhrasePack, packNames, Phrases } from '../../src/model/phrases.js';
import { buildView } from '../../src/model/view.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { loadNotice } from '../../src/load/read-notice.js';
import { validateNotice } from '../../src/validate/index.js';
import { markdownText, PRAXIS } from './helpers.js';

describe('dates in the legal form of each language', () => {
  it('writes the first of the month as "1er" in French, in every French region', () => {
    expect(formatDate('2021-06-01', 'fr')).toBe('1er juin 2021');
    expect(formatDate('2021-06-01', 'fr-BE')).toBe('1er juin 2021');
    expect(formatDate('2021-06-02', 'fr')).toBe('2 juin 2021');
  });

  it('uses the Latvian locative inside a sentence and the nominative alone', () => {
    expect(formatDate('2021-06-01', 'lv')).toBe('2021. gada 1. jūnijs');
    expect(formatDate('2021-06-01', 'lv', 'sentence')).toBe('2021. gada 1. jūnijā');
    expect(formatDate('2024-03-15', 'lv', 'sentence')).toBe('2024. gada 15. martā');
  });

  it("keeps the region's own date format for a regional tag", () => {
    expect(formatDate('2021-06-01', 'en-GB')).toBe('1 June 2021');
    expect(formatDate('2021-06-01', 'en-US')).toBe('June 1, 2021');
    expect(formatDate('2021-06-01', 'de-AT')).toBe('1. Juni 2021');
    expect(formatDate('2021-01-01', 'de-AT')).toBe('1. Jänner 2021');
  });
});

describe('points of a paragraph', () => {
  it('are Greek and Cyrillic letters in el and bg, Latin elsewhere', () => {
    expect(['a', 'b', 'f', 'j'].map((p) => pointLetter(p, 'el'))).toEqual(['α', 'β', 'στ', 'ι']);
    expect(['a', 'b', 'f'].map((p) => pointLetter(p, 'bg'))).toEqual(['а', 'б', 'е']);
    expect(pointLetter('b', 'de-AT')).toBe('b');
  });
});

describe('regional tags', () => {
  it('fall back to their language pack', async () => {
    expect(packNames('de-AT')).toEqual(['de-AT', 'de']);
    expect(packNames('nb-NO')).toEqual(['nb-NO', 'nb', 'no']);
    const pack = await loadPhrasePack('en-GB');
    expect(pack?.file).toMatch(/locales[\\/]en\.yaml$/);
    expect(pack?.phrases.get('rights.access.title')).toBe((await loadPhrasePack('en'))?.phrases.get('rights.access.title'));
  });

  it("render a notice declared in en-GB and de-AT with the language's phrases and the region's dates", async () => {
    // The praxisportal notice (de, en) declared as de-AT and en-GB instead.
    const source = readFileSync(PRAXIS, 'utf8').replace(/^(\s+)de:/gm, '$1de-AT:').replace(/^(\s+)en:/gm, '$1en-GB:').replace(/^locales: \[de, en\]$/m, 'locales: [de-AT, en-GB]').replace(/^sourceLocale: de$/m, 'sourceLocale: de-AT');
    const loaded = loadNotice(source, 'regional.yaml');
    const { notice, diagnostics } = validateNotice(loaded);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const [locale, heading, date] of [
      ['de-AT', 'Auskunftsrecht der betroffenen Person', '1. Jänner 2025'],
      ['en-GB', 'Right of access', '1 January 2025'],
    ] as const) {
      const pack = await loadPhrasePack(locale);
      const view = buildView({ ...notice!, effectiveDate: '2025-01-01' }, new Phrases(locale, pack!, notice!.phrases));
      expect(view.lang).toBe(locale);
      const text = markdownText(renderMarkdown(view));
      expect(text).toContain(heading);
      expect(text).toContain(date);
    }
  });
});

describe('Art. 49 derogation', () => {
  const withDerogation = (text: string) => {
    const doc = YAML.parseDocument(text);
    doc.addIn(['transfers', 'safeguards'], doc.createNode({ id: 'consent-transfer', mechanism: 'derogation', derogation: '49(1)(a)' }));
    doc.setIn(['transfers', 'destinations', 3, 'safeguard'], 'consent-transfer');
    return doc.toString();
  };
  it('is cited in the form of each language, not in the English form', async () => {
    const source = readFileSync(PRAXIS, 'utf8');
    const loaded = loadNotice(withDerogation(source), 'derogation.yaml');
    const { notice, diagnostics } = validateNotice(loaded);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const names: Record<string, string> = {};
    for (const locale of ['de', 'en', 'lv']) {
      const pack = await loadPhrasePack(locale);
      const phrases = new Phrases(locale, pack!, {});
      names[locale] = phrases.get('safeguard.derogation', { derogation: '49(1)(a)', citation: phrases.get('legalBasis.citation', { article: '49', paragraph: '1', point: 'a' }) });
    }
    expect(names).toEqual({
      de: 'Ausnahme für bestimmte Fälle (Art. 49 Abs. 1 lit. a DSGVO)',
      en: 'Derogation for a specific situation (Art. 49(1)(a) GDPR)',
      lv: 'Atkāpe īpašās situācijās (VDAR 49. panta 1. punkta a) apakšpunkts)',
    });
    const pack = await loadPhrasePack('de');
    const view = buildView(notice!, new Phrases('de', pack!, notice!.phrases));
    const transfers = view.sections.find((s) => s.key === 'transfers');
    expect(JSON.stringify(transfers)).toContain('Ausnahme für bestimmte Fälle (Art. 49 Abs. 1 lit. a DSGVO)');
    expect(JSON.stringify(transfers)).not.toContain('49(1)(a)');
  });
});
