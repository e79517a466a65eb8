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
  check({ loaded, byDef, locales, declaredLocales }) {
    const out: CheckFinding[] = [];
    const declared = new Set(declaredLocales);
    // Indexed loops: checks run before the engine has optimised them, and a for-of makes an object
    // for every step there (a notice has a thousand texts).
    const texts = byDef.get('Text') ?? [];
    for (let e = 0; e < texts.length; e++) {
      const entry = texts[e]!;
      const { value } = entry;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const text = value as Record<string, unknown>;
      // Path and place are written only into messages, so made only for a text that has a problem.
      let written: string | undefined;
      const where = () => (written ??= formatPath(entry.path));
      if (locales.some((l) => !(l in text))) {
        const missing = locales.filter((l) => !(l in text));
        out.push({ code: 'missing-locale', message: `${where()} has no ${missing.map((l) => `'${l}'`).join(', ')} text; add ${missing.map((l) => `'${l}: ...'`).join(' and ')} (the notice declares ${locales.join(', ')}).`, path: entry.path, at: 'key' });
      }
      const keys = Object.keys(text);
      for (let k = 0; k < keys.length; k++) {
        const locale = keys[k]!;
        if (declared.size > 0 && !declared.has(locale)) {
          out.push({ code: 'undeclared-locale', message: `${where()} has a '${locale}' text but the notice does not declare '${locale}' in locales; add it there or remove this text.`, path: [...entry.path, locale], at: 'key' });
        }
        const localised = text[locale];
        if (typeof localised !== 'string') continue;
        for (const problem of checkMarkdown(localised)) {
          const offset = findInSource(loaded, [...entry.path, locale], problem.snippet);
          out.push({ code: problem.code, message: `${where()}.${locale}: ${problem.message}`, path: [...entry.path, locale], ...(offset !== undefined ? { at: { offset } } : {}) });
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
