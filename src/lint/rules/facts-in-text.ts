/**
 * Facts the model has a field for, written only in text: the next `noticekit diff` can see a
 * changed field, but only a person can see a changed sentence (issue 13).
 */
import { textFacts } from '../../notice/text-facts.js';
import type { Finding, LintRule } from '../types.js';

/** Texts where a GDPR citation belongs in a legal basis (`legalBases[].gdpr`) instead. */
const DESCRIPTIONS = new Set(['Purpose.description', 'Recipient.description', 'Source.description', 'Category.label']);

/** A citation of a lawful basis: Art. 6 or Art. 9 (the articles `legalBases[].gdpr` holds). */
const LEGAL_BASIS_ARTICLE = /^(?:art\S*|§)\s*[69](?!\d)/iu;

/** Texts where a list of countries belongs in `transfers.destinations`. */
const PROSE = new Set(['Clause.text', 'Recipient.description', 'Transfers.statement', 'Purpose.description', 'Source.description']);

/** Rule `facts-in-text`: structured facts are written in their fields, not only in text. */
export const factsInText: LintRule = {
  id: 'facts-in-text',
  article: 'Art. 12(1), 13(3), 14(4) GDPR; WP260 rev.01 paras 29-31',
  severity: 'warning',
  summary: 'Facts the model has a field for (contacts, countries, periods, GDPR articles) are not written only in text.',
  explanation:
    'A change of processing must be told to data subjects (WP260 rev.01 paras 29-31), and `noticekit diff` can only classify what it can see: a changed field is classified by its rule, a changed sentence only goes to a person for review. The rule reports an e-mail address or phone number in a free clause (the controller, DPO, or rights-request `contact` holds it), two or more countries named in prose of which some are not `transfers.destinations`, a duration in retention `criteria` of a rule with no `period`, and a lawful basis (Art. 6 or 9 GDPR) cited in a purpose, recipient or source description or a category label (the legal basis `gdpr` holds it). Countries are recognised by their names in the text\'s language and in English; durations by a number and a unit.',
  fix: 'Move the fact into its field (`contact.email`, `transfers.destinations[].country`, `period: P6M`, `legalBases[].gdpr`) and let the text refer to it, or suppress the finding with a reason when the text must repeat it.',
  check({ notice, texts }) {
    const out: Finding[] = [];
    const destinations = new Set((notice.transfers?.destinations ?? []).map((d) => (d as { country?: string }).country).filter((c): c is string => typeof c === 'string'));
    const periodless = new Set((notice.retention?.rules ?? []).filter((r) => !r.period).map((r) => r.id));
    for (const entry of texts) {
      for (const [locale, text] of Object.entries(entry.text)) {
        if (typeof text !== 'string') continue;
        const facts = textFacts(text, locale);
        const path = [...entry.path, locale];
        if (entry.slot === 'Clause.text') {
          for (const email of facts.emails) out.push({ message: `Clause '${entry.clause}' gives the e-mail address ${email} only in its text (${locale}); put it in a contact field (controller, DPO or rights.exercise) so a change is seen.`, path, match: email });
          for (const phone of facts.phones) out.push({ message: `Clause '${entry.clause}' gives the phone number ${phone} only in its text (${locale}); put it in a contact field so a change is seen.`, path, match: phone });
        }
        if (PROSE.has(entry.slot) && facts.countries.length >= 2) {
          const missing = facts.countries.filter((c) => !destinations.has(c));
          if (missing.length > 0) {
            const first = firstCountryWord(text, facts.countries.length > 0 ? locale : 'en');
            out.push({ message: `'${entry.clause}' names countries in prose (${facts.countries.join(', ')}; ${locale}); list ${missing.join(', ')} as transfers.destinations so a new country is seen.`, path, ...(first ? { match: first } : {}) });
          }
        }
        if (entry.slot === 'RetentionRule.criteria' && periodless.has(entry.clause) && facts.durations.length > 0) {
          out.push({ message: `Retention rule '${entry.clause}' gives the period "${facts.durations[0]}" only in its criteria (${locale}); set period (e.g. P6M) so a longer period is seen.`, path, match: facts.durations[0] });
        }
        const basis = facts.gdpr.find((c) => LEGAL_BASIS_ARTICLE.test(c));
        if (DESCRIPTIONS.has(entry.slot) && basis) {
          out.push({ message: `'${entry.clause}' cites "${basis}" in its text (${locale}); give the legal basis as legalBases[].gdpr so a change of basis is seen.`, path, match: basis });
        }
      }
    }
    return out;
  },
};

/** The first word of a text that names a country, to point at. */
function firstCountryWord(text: string, locale: string): string | undefined {
  let best: { at: number; word: string } | undefined;
  for (const display of [new Intl.DisplayNames([locale], { type: 'region' }), new Intl.DisplayNames(['en'], { type: 'region' })]) {
    for (const code of textFacts(text, locale).countries) {
      const name = display.of(code);
      if (!name) continue;
      const at = text.toLowerCase().indexOf(name.toLowerCase());
      if (at >= 0 && (!best || at < best.at)) best = { at, word: text.slice(at, at + name.length) };
    }
  }
  return best?.word;
}
