/**
 * Noto Sans (regular, bold, italic, bold italic) from an npm package (@expo-google-fonts/noto-sans,
 * OFL-1.1), subset to the scripts European notices use (Latin with all its extensions, Greek,
 * Cyrillic, punctuation), compressed to WOFF2 and inlined as data: URLs, so a PDF prints with the
 * same glyphs on every machine without a request leaving the page.
 *
 * One font file per face covers every script a document uses: with per-script files (as
 * @fontsource ships them), a word like "Vācija" mixes two fonts and PDF text extraction splits it
 * ("Vā cija"). Subsetting + WOFF2 shrinks each face from ~630 KB to ~95 KB, which is what Chromium
 * decodes for every document (printing got ~40% faster than with the full TTFs); a document whose
 * text is all Latin gets files without Greek and Cyrillic (~60 KB, another ~10%). Chromium's PDF
 * backend then embeds only the glyphs a document uses.
 *
 * Compressing to WOFF2 takes a few seconds, so the files are made when the package is built
 * (`npm run build`, which `npm pack` runs too, as prepack) into dist/fonts/ and shipped with it: a read-only
 * install never needs to write them. Without them (a source checkout before the build) they are made
 * on first use and kept in the user's cache folder (see cache-dir.ts), best effort.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../../cache-dir.js';
import { writeCacheFile } from '../../util-fs.js';

const FACES = [
  { file: '400Regular/NotoSans_400Regular.ttf', weight: 400, style: 'normal' },
  { file: '700Bold/NotoSans_700Bold.ttf', weight: 700, style: 'normal' },
  { file: '400Regular_Italic/NotoSans_400Regular_Italic.ttf', weight: 400, style: 'italic' },
  { file: '700Bold_Italic/NotoSans_700Bold_Italic.ttf', weight: 700, style: 'italic' },
];

/** Unicode ranges kept: Latin 1 + Extended A/B/Additional, schwa, modifiers, combining marks, Greek, Cyrillic, punctuation, currency, letterlike, arrows, minus, ligatures. */
export const FONT_RANGES: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x259, 0x259], [0x2b0, 0x2ff], [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x52f],
  [0x1e00, 0x1eff], [0x1f00, 0x1fff], [0x2000, 0x206f], [0x20a0, 0x20c0], [0x2100, 0x214f], [0x2190, 0x2199], [0x2212, 0x2212], [0xfb00, 0xfb06],
];

/** The same without Greek and Cyrillic: most notices (every en, de, lv one) need no more. */
export const LATIN_RANGES: [number, number][] = FONT_RANGES.filter(([from]) => !(from >= 0x370 && from <= 0x52f) && from !== 0x1f00);

/**
 * Which font files a document gets: `latin` when every character is in {@link LATIN_RANGES},
 * else `all`. Chromium decodes every inlined font for every document it prints; the Latin files
 * are half the size, and printing an English notice with them took 93 ms instead of 104.
 */
export type FontSet = 'latin' | 'all';

const RANGES: Record<FontSet, [number, number][]> = { latin: LATIN_RANGES, all: FONT_RANGES };
const hex = (c: number) => `\\u{${c.toString(16)}}`;
/** A character outside the Latin set (controls such as newline and tab need no glyph). */
const NOT_LATIN = new RegExp(`[^\\u{0}-\\u{1f}${LATIN_RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`, 'u');

/**
 * The font set a text needs (the whole HTML of a document, or a footer's title).
 * @param text any text; markup is fine, it is all Latin
 */
export function fontSetFor(text: string): FontSet {
  return NOT_LATIN.test(text) ? 'all' : 'latin';
}

/**
 * Stands for the @font-face rules (`{{fontFaces}}`) while a document's HTML is rendered; text in a
 * document cannot hold it, since `<` is always escaped there.
 */
export const FONT_SLOT = '/*<noticekit font faces>*/';

/**
 * Put the @font-face rules the document needs (see {@link fontSetFor}) where it was rendered with
 * {@link FONT_SLOT}; HTML without the slot (a template that does not use `{{fontFaces}}`) is returned as is.
 */
export async function withFontFaces(html: string): Promise<string> {
  const at = html.indexOf(FONT_SLOT);
  if (at < 0) return html;
  const css = await fontFaceCss(fontSetFor(html));
  return html.slice(0, at) + css + html.slice(at + FONT_SLOT.length);
}

/** Folder of the WOFF2 subsets shipped with the package (dist/fonts, from src/ and dist/ alike). */
export const SHIPPED_FONT_DIR = fileURLToPath(new URL('../../../dist/fonts', import.meta.url));

/**
 * Where a printing page asks for the font files when they are served rather than inlined (see
 * {@link withServedFontFaces}): the `.invalid` top-level domain never resolves, and the printer
 * answers these exact URLs from memory in its request interception; nothing reaches a network.
 */
export const FONT_ORIGIN = 'https://fonts.noticekit.invalid/';

/**
 * Like {@link withFontFaces}, but the @font-face rules point at {@link FONT_ORIGIN} instead of
 * inlining ~250 KB of base64 per document: the printer serves the bytes ({@link servedFontFiles}).
 * Chromium parses a 20 KB document instead of a 340 KB one. Measured only under heavy load so
 * far (served 1.5 vs inlined 0.9 PDF/s on 93 documents at load average 16; an earlier, higher
 * figure was taken while the fonts did not load at all). (A PDF footer cannot load fonts by URL: it keeps
 * {@link footerFontCss}.)
 */
export async function withServedFontFaces(html: string): Promise<string> {
  const at = html.indexOf(FONT_SLOT);
  if (at < 0) return html;
  const css = await servedFontFaceCss(fontSetFor(html));
  return html.slice(0, at) + css + html.slice(at + FONT_SLOT.length);
}

/** @font-face rules for Noto Sans whose files are served from {@link FONT_ORIGIN}; built once per process. */
export function servedFontFaceCss(set: FontSet = 'all'): Promise<string> {
  return cssOnce(`served:${set}`, () => buildCss(set, () => true, (f) => servedUrl(set, f)));
}

/** The font files {@link withServedFontFaces} refers to, by URL, for every font set. */
export async function servedFontFiles(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const set of Object.keys(RANGES) as FontSet[]) {
    for (const f of await fontFiles(set)) files.set(servedUrl(set, f), f.woff2);
  }
  return files;
}

function servedUrl(set: FontSet, face: { weight: number; style: string }): string {
  return `${FONT_ORIGIN}noto-sans-${set}-${face.weight}-${face.style}.woff2`;
}

const css = new Map<string, Promise<string>>();

/** @font-face rules for Noto Sans with every font file of a set inlined; built once per process. */
export function fontFaceCss(set: FontSet = 'all'): Promise<string> {
  return cssOnce(`page:${set}`, () => buildCss(set, () => true));
}

/** @font-face for the regular face only: enough for the PDF footer (title and page numbers). */
export function footerFontCss(set: FontSet = 'all'): Promise<string> {
  return cssOnce(`footer:${set}`, () => buildCss(set, (f) => f.weight === 400 && f.style === 'normal'));
}

function cssOnce(key: string, build: () => Promise<string>): Promise<string> {
  let made = css.get(key);
  if (!made) {
    made = build();
    css.set(key, made);
  }
  return made;
}

/**
 * The WOFF2 subset of each face for a set: shipped, cached, or made now (and cached).
 * @param fillShipped write files made now into {@link SHIPPED_FONT_DIR} (the package build does)
 *   instead of the user's cache folder
 */
export async function fontFiles(set: FontSet = 'all', fillShipped = false): Promise<{ weight: number; style: string; woff2: Buffer }[]> {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('@expo-google-fonts/noto-sans/package.json');
  const dir = path.dirname(pkgFile);
  const version = (JSON.parse(await readFile(pkgFile, 'utf8')) as { version: string }).version;
  const ranges = RANGES[set];
  const key = createHash('sha256').update(`${version}|${JSON.stringify(ranges)}`).digest('hex').slice(0, 12);
  let text = '';
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  return Promise.all(
    FACES.map(async (face) => {
      const name = `${path.basename(face.file, '.ttf')}-${key}.woff2`;
      const cached = path.join(cacheDir('fonts'), name);
      const shipped = path.join(SHIPPED_FONT_DIR, name);
      let woff2: Buffer | undefined = (await readFile(shipped).catch(() => undefined)) ?? (fillShipped ? undefined : await readFile(cached).catch(() => undefined));
      if (!woff2) {
        // Loaded only here: a build without PDFs, or with the shipped files, never pays for it.
        const { default: subsetFont } = await import('subset-font');
        const made = await subsetFont(await readFile(path.join(dir, face.file)), text, { targetFormat: 'woff2' });
        if (fillShipped) await writeCacheFile(shipped, made, { strict: true });
        else await writeCacheFile(cached, made);
        woff2 = made;
      }
      return { weight: face.weight, style: face.style, woff2 };
    }),
  );
}

async function buildCss(
  set: FontSet,
  keep: (face: { weight: number; style: string }) => boolean,
  url: (face: { weight: number; style: string; woff2: Buffer }) => string = (f) => `data:font/woff2;base64,${f.woff2.toString('base64')}`,
): Promise<string> {
  const files = await fontFiles(set);
  return files
    .filter(keep)
    .map((f) => `@font-face { font-family: 'Noto Sans'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: block; src: url(${url(f)}) format('woff2'); }`)
    .join('\n');
}
