/**
 * Noto Sans from the @fontsource/noto-sans npm package, inlined as data: URLs so a PDF prints
 * with the same glyphs on every machine (Latin, Latin Extended, Cyrillic, Greek), without a
 * single request leaving the page. Chromium loads only the subsets a document uses, and its PDF
 * backend embeds only the glyphs used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const SUBSETS = new Set(['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext']);
const STYLES = ['400', '700', '400-italic', '700-italic'];

let css: string | undefined;

/** @font-face rules for Noto Sans with every font file inlined (built once per process). */
export function fontFaceCss(): string {
  if (css !== undefined) return css;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@fontsource/noto-sans/package.json'));
  const rules: string[] = [];
  for (const style of STYLES) {
    const source = readFileSync(path.join(dir, `${style}.css`), 'utf8');
    for (const m of source.matchAll(/\/\* noto-sans-([a-z-]+)-\d+-(?:normal|italic) \*\/\s*@font-face\s*\{([^}]*)\}/g)) {
      const subset = m[1]!;
      if (!SUBSETS.has(subset)) continue;
      const body = m[2]!.replace(/src:[^;]*;/, (src) => {
        const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(src)?.[1];
        if (!file) return src;
        const data = readFileSync(path.join(dir, 'files', file)).toString('base64');
        return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
      });
      rules.push(`@font-face {${body.replace(/font-display:[^;]*;/, 'font-display: block;')}}`);
    }
  }
  css = rules.join('\n');
  return css;
}
