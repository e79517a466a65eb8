/**
 * The font set a PDF document gets: the smaller Latin files unless its text needs Greek or Cyrillic.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplateSet, renderHtml } from '../../src/render/html/index.js';
import { FONT_RANGES, FONT_SLOT, fontFaceCss, fontSetFor, LATIN_RANGES, withFontFaces } from '../../src/render/pdf/fonts.js';
import { PRAXIS, REFERENCE, viewOf } from './helpers.js';

describe('PDF font sets', () => {
  it('the Latin set is the full set without Greek and Cyrillic', () => {
    const inAll = (c: number) => FONT_RANGES.some(([a, b]) => c >= a && c <= b);
    for (const [a, b] of LATIN_RANGES) for (let c = a; c <= b; c++) expect(inAll(c)).toBe(true);
    const greekOrCyrillic = (c: number) => (c >= 0x370 && c <= 0x52f) || (c >= 0x1f00 && c <= 0x1fff);
    expect(LATIN_RANGES.some(([a, b]) => greekOrCyrillic(a) || greekOrCyrillic(b))).toBe(false);
  });

  it('picks the Latin set for the lv, en and de notices and the full set for Greek or Cyrillic text', async () => {
    const templates = await loadTemplateSet();
    for (const [file, locale] of [[REFERENCE, 'lv'], [REFERENCE, 'en'], [PRAXIS, 'de'], [PRAXIS, 'en']] as const) {
      expect(fontSetFor(renderHtml(await viewOf(file, locale), templates, { pdf: true, fontFaces: '' })), `${file} ${locale}`).toBe('latin');
    }
    for (const text of ['Ελλάδα', 'Россия', 'Грэцыя', 'ἀρχή']) expect(fontSetFor(`<p>Greece: ${text}</p>`)).toBe('all');
    for (const text of ['Vācija, Šveice, Ķīna', 'Straße, Österreich', 'Łódź, Česko, Ğ', 'a – b … “c” €5']) expect(fontSetFor(text)).toBe('latin');
  });

  it('the Latin files are smaller than the full ones', async () => {
    expect((await fontFaceCss('latin')).length).toBeLessThan((await fontFaceCss('all')).length * 0.8);
  });

  it('puts the fonts a document needs where it was rendered with the slot, and nowhere else', async () => {
    const templates = await loadTemplateSet();
    const latvian = await withFontFaces(renderHtml(await viewOf(REFERENCE, 'lv'), templates, { pdf: true, fontFaces: FONT_SLOT }));
    expect(latvian).not.toContain(FONT_SLOT);
    expect(latvian).toContain(await fontFaceCss('latin'));
    // A text that writes the slot itself cannot fake it: its `<` is escaped (or, in Markdown, dropped as HTML).
    const view = await viewOf(PRAXIS, 'en');
    const hostile = { ...view, title: `Ελλάδα ${FONT_SLOT}`, titleText: `Ελλάδα ${FONT_SLOT}` };
    const rendered = renderHtml(hostile, templates, { pdf: true, fontFaces: FONT_SLOT });
    expect(rendered.split(FONT_SLOT).length).toBe(2);
    expect(rendered).toContain('<title>Ελλάδα /*&lt;noticekit font faces&gt;*/</title>');
    const greek = await withFontFaces(rendered);
    expect(greek).not.toContain(FONT_SLOT);
    expect(greek.split(await fontFaceCss('all')).length).toBe(2);
  });
});
