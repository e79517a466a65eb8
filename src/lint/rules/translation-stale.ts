/**
 * Art. 12(1): a translation reviewed against an earlier source text is checked again.
 */
import type { Finding, LintRule } from '../types.js';
import { translationReport } from '../review-translations.js';

/** Rule `translation-stale`: No translation was reviewed against a source text that has changed since. */
export const translationStale: LintRule = {
  id: 'translation-stale',
  article: 'Art. 12(1) GDPR',
  severity: 'warning',
  summary: 'No translation was reviewed against a source text that has changed since.',
  explanation:
    'Every language version of a notice must say the same thing. `noticekit translations mark-reviewed` records, for each translated text, a hash of the source-locale text it was reviewed against (in `translationReviews`); when the source text changes afterwards, the translation may no longer match it. The rule reports every such stale translation, and review records whose text or locale no longer exists.',
  fix: 'Compare the translation with the changed source text and correct it, then run `noticekit translations mark-reviewed FILE --locale <locale> --id <clause-id>`.',
  check({ notice, texts }) {
    const out: Finding[] = [];
    const { states, orphans } = translationReport(notice, texts);
    for (const s of states) {
      if (s.status !== 'stale') continue;
      out.push({
        message: `The ${s.locale} translation of '${s.entry.key}' was reviewed against an earlier ${notice.sourceLocale} text; check it against the current one, then mark it reviewed.`,
        path: [...s.entry.path, s.locale],
      });
    }
    for (const o of orphans) {
      out.push(
        o.key === undefined
          ? { message: `translationReviews has records for '${o.locale}', which is not a translation of this notice; remove them.`, path: ['translationReviews', o.locale], at: 'key' }
          : { message: `translationReviews.${o.locale} records '${o.key}', which is no longer a text of this notice; remove it (mark-reviewed does).`, path: ['translationReviews', o.locale, o.key], at: 'key' },
      );
    }
    return out;
  },
};
