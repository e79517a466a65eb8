/**
 * Art. 12(1), 13(3), 14(4): changes are communicated, not left to readers checking the page.
 */
import type { Finding, LintRule } from '../types.js';
import { findWording } from '../util/wording.js';

/** Rule `check-regularly`: The notice does not ask readers to check it regularly for changes. */
export const checkRegularly: LintRule = {
  id: 'check-regularly',
  article: 'Art. 12(1), 13(3), 14(4) GDPR; WP260 rev.01 para 29',
  severity: 'warning',
  summary: 'The notice does not ask readers to check it regularly for changes.',
  explanation:
    'Changes to a notice must be communicated to the data subjects; the transparency guidelines call a notice that tells readers to "check this page regularly" for changes insufficient and unfair. The rule looks for such requests in every text and every locale (patterns for each language in `src/lint/data/vague-wording.json`).',
  fix: 'Say how you will tell people about material changes (by e-mail, in the app, before they take effect) and drop the request to check the page.',
  check({ texts }) {
    const out: Finding[] = [];
    for (const entry of texts) {
      for (const [locale, text] of Object.entries(entry.text)) {
        const [match] = findWording('checkRegularly', locale, text ?? '');
        if (match) {
          out.push({ message: `'${entry.key}' asks readers to "${match}" (${locale}); tell them about material changes instead.`, path: [...entry.path, locale], match });
        }
      }
    }
    return out;
  },
};
