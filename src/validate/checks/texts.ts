/**
 * Check every Text: one entry per declared locale, no undeclared locale, safe Markdown.
 */
import { scalarSource } from '../../notice/locate.js';
import { formatPath, type KeyPath } from '../../notice/path.js';
import type { LoadedNotice } from '../../load/read-notice.js';
import { checkMarkdown } from '../check-markdown.js';
import type { CheckFinding, ValidationCheck } from '../types.js';

/** Check `texts-complete`. */
export const textsComplete: ValidationCheck = {
  id: 'texts-complete',
  codes: ['missing-locale', 'undeclared-locale', 'raw-html', 'unsafe-url', 'image-not-allowed', 'markdown-too-complex'],
  summary: 'Every text has each declared locale and no other, and its Markdown is safe to render.',
  check({ loaded, entries, locales, declaredLocales }) {
    const out: CheckFinding[] = [];
    const declared = new Set(declaredLocales);
    for (const entry of entries) {
      const { value, def } = entry;
      if (def !== 'Text' || value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const text = value as Record<string, unknown>;
      const path = entry.path;
      // Written only into messages, so formatted only for a text that has a problem.
      let written: string | undefined;
      const where = () => (written ??= formatPath(path));
      let missing: string[] | undefined;
      for (const l of locales) if (!(l in text)) (missing ??= []).push(l);
      if (missing) {
        out.push({ code: 'missing-locale', message: `${where()} has no ${missing.map((l) => `'${l}'`).join(', ')} text; add ${missing.map((l) => `'${l}: ...'`).join(' and ')} (the notice declares ${locales.join(', ')}).`, path, at: 'key' });
      }
      for (const locale of Object.keys(text)) {
        const localised = text[locale];
        if (declared.size > 0 && !declared.has(locale)) {
          out.push({ code: 'undeclared-locale', message: `${where()} has a '${locale}' text but the notice does not declare '${locale}' in locales; add it there or remove this text.`, path: [...path, locale], at: 'key' });
        }
        if (typeof localised !== 'string') continue;
        for (const problem of checkMarkdown(localised)) {
          const offset = findInSource(loaded, [...path, locale], problem.snippet);
          out.push({ code: problem.code, message: `${where()}.${locale}: ${problem.message}`, path: [...path, locale], ...(offset !== undefined ? { at: { offset } } : {}) });
        }
      }
    }
    return out;
  },
};

/** Offset of a snippet inside the YAML source of the scalar at `path` (undefined: use the node start). */
function findInSource(loaded: LoadedNotice, path: KeyPath, snippet: string): number | undefined {
  const scalar = scalarSource(loaded, path);
  if (!scalar) return undefined;
  for (let len = Math.min(snippet.length, 40); len >= 3; len = Math.floor(len / 2)) {
    const i = scalar.source.indexOf(snippet.slice(0, len));
    if (i >= 0) return scalar.start + i;
  }
  return undefined;
}
