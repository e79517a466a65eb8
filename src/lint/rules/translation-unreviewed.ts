/**
 * Art. 12(1): translations that nobody has reviewed yet (information only).
 */
import type { Finding, LintRule } from '../types.js';
import { translationReport } from '../review-translations.js';
import { targetLocales } from '../util/notice.js';

/** Rule `translation-unreviewed`: Translations that have never been marked as reviewed. */
export const translationUnreviewed: LintRule = {
  id: 'translation-unreviewed',
  article: 'Art. 12(1) GDPR',
  severity: 'info',
  summary: 'Translations that have never been marked as reviewed.',
  explanation:
    'A translation that no reviewer has compared with the source text may say something else. The rule lists translated texts with no record in `translationReviews`; for a locale with no records at all it gives one finding at the locale instead of one per text. It is information, not a failure: the translation may be fine.',
  fix: 'Have the translation reviewed, then run `noticekit translations mark-reviewed FILE --locale <locale>` (add `--id <clause-id>` for one clause).',
  check({ notice, texts }) {
    const out: Finding[] = [];
    const store = notice.translationReviews ?? {};
    const { states } = translationReport(notice, texts);
    for (const locale of targetLocales(notice)) {
      const unreviewed = states.filter((s) => s.locale === locale && s.status === 'unreviewed');
      if (unreviewed.length === 0) continue;
      if (store[locale] === undefined) {
        out.push({
          message: `None of the ${unreviewed.length} ${locale} texts has been marked as reviewed; after review run 'noticekit translations mark-reviewed FILE --locale ${locale}'.`,
          path: ['locales', notice.locales.indexOf(locale)],
        });
        continue;
      }
      for (const s of unreviewed) {
        out.push({ message: `The ${locale} translation of '${s.entry.key}' has not been marked as reviewed.`, path: [...s.entry.path, locale] });
      }
    }
    return out;
  },
};
