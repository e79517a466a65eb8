/**
 * Art. 12(1): every declared locale has a real translation of every text.
 */
import type { Finding, LintRule } from '../types.js';
import { normalizeText, targetLocales } from '../util/notice.js';

// Placeholder text left for a translator.
const PLACEHOLDER = /^\s*(?:TODO|TBD|FIXME|XXX|TRANSLATE(?: ME)?)\b/i;

/** Words of a text that need translating: no {placeholders}, links, e-mail addresses or numbers. */
function words(text: string): string[] {
  return text
    .replace(/\{[^}]*\}|\]\([^)]*\)|https?:\/\/\S+|[\w.+-]+@[\w.-]+/g, ' ')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1);
}

/** Rule `translation-missing`: Every text is translated into every declared locale. */
export const translationMissing: LintRule = {
  id: 'translation-missing',
  article: 'Art. 12(1) GDPR',
  severity: 'warning',
  summary: 'Every text is translated into every declared locale.',
  explanation:
    'A notice published in a language must be complete and intelligible in that language. Validation already requires every declared locale in every text; this rule reports what passes validation but is not a translation: a text that is the source-locale text copied unchanged (three or more words) and placeholders such as "TODO" or "TBD".',
  fix: 'Translate the text; if the words really are the same in both languages (a proper name), suppress the finding with a reason.',
  check({ notice, texts }) {
    const out: Finding[] = [];
    const targets = targetLocales(notice);
    for (const entry of texts) {
      const source = entry.text[notice.sourceLocale];
      for (const locale of targets) {
        const text = entry.text[locale];
        if (text === undefined) {
          out.push({ message: `'${entry.key}' has no ${locale} text; translate it.`, path: entry.path, at: 'key' });
        } else if (PLACEHOLDER.test(text)) {
          out.push({ message: `The ${locale} text of '${entry.key}' is a placeholder; translate it.`, path: [...entry.path, locale] });
        } else if (source !== undefined && normalizeText(text) === normalizeText(source) && words(source).length >= 3) {
          out.push({ message: `The ${locale} text of '${entry.key}' is the ${notice.sourceLocale} text copied unchanged; translate it.`, path: [...entry.path, locale] });
        }
      }
    }
    return out;
  },
};
