/**
 * Done-when test of the language packs: one notice in all 24 official EU languages (its translated
 * texts are machine-made placeholders, marked so in the fixture; every heading, legal basis and right
 * comes from the packs) builds Markdown, HTML and PDF in one build, and every PDF read back as text
 * holds its language's right-of-access heading and the language's own letters (Greek, Cyrillic,
 * Maltese ċ ġ ħ ż, Latin Extended), so each script's glyphs are embedded with a text mapping.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'parse5';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { builtInPhrasePack } from '../../src/model/phrases.js';
import { fakeIO } from '../cli/fake-io.js';
import { EU_LANGUAGES } from '../helpers/languages.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = 'test/fixtures/languages/all-languages.yaml';
const out = mkdtempSync(path.join(os.tmpdir(), 'noticekit-languages-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** All text of a PDF, white space collapsed. */
async function pdfText(file: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(''));
  }
  await doc.destroy();
  return parts.join(' ').replace(/\s+/g, ' ');
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** The text of an HTML document, parsed with parse5 (entities decoded). */
function htmlText(html: string): string {
  const parts: string[] = [];
  const walk = (node: { nodeName: string; value?: string; childNodes?: unknown[] }) => {
    if (node.nodeName === '#text') parts.push(node.value ?? '');
    for (const child of node.childNodes ?? []) walk(child as typeof node);
  };
  walk(parse(html) as unknown as { nodeName: string; childNodes?: unknown[] });
  return collapse(parts.join(' '));
}

describe('a notice in all 24 official EU languages', () => {
  let code: number;
  let stderr: string;
  beforeAll(async () => {
    const fake = fakeIO(ROOT, { PATH: process.env.PATH, CI: 'true' });
    code = await run(['build', FIXTURE, '--out', out, '--no-cache'], fake.io);
    stderr = fake.stderr();
  }, 600_000);

  it('builds md, html and pdf for every locale', () => {
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
  });

  for (const lang of EU_LANGUAGES) {
    it(`${lang}: every format holds the pack's right-of-access heading; the PDF reads back as text`, async () => {
      const heading = builtInPhrasePack(lang)!.phrases.get('rights.access.title')!;
      const base = path.join(out, 'all-languages/1.0', lang);
      expect(collapse(readFileSync(`${base}.md`, 'utf8'))).toContain(heading);
      expect(htmlText(readFileSync(`${base}.html`, 'utf8'))).toContain(heading);
      const text = await pdfText(`${base}.pdf`);
      expect(text).toContain(heading);
      // The placeholder text carries the language's letters, e.g. "ċġħż ĊĠĦŻ" (mt), "ăâîșț" (ro).
      const sample = readFileSync(path.join(ROOT, FIXTURE), 'utf8').match(new RegExp(`^\\s+${lang}: "?\\[${lang}\\] ([^.]+)\\.`, 'm'))?.[1];
      if (lang !== 'en') {
        expect(sample, `${lang} sample`).toBeDefined();
        expect(text).toContain(sample);
      }
    }, 60_000);
  }
});
