/**
 * The standard wording a notice prints from a phrase pack was compared with the official text of
 * the GDPR in that language (information only).
 */
import { builtInPhrasePack } from '../../model/phrases.js';
import type { Notice } from '../../model/notice.js';
import type { Finding, LintRule } from '../types.js';

/**
 * The pack keys of legal wording the notice prints in a locale (not overridden by the notice):
 * the citation form, the statements of legal bases without their own text, the names and texts
 * of the rights without their own text, the names of the transfer safeguards.
 */
export function legalPackKeys(notice: Notice, locale: string): string[] {
  const keys = new Set<string>();
  const own = (key: string) => notice.phrases?.[key]?.[locale] !== undefined;
  for (const purpose of notice.purposes) {
    for (const basis of purpose.legalBases ?? []) {
      keys.add('legalBasis.citation');
      const [article, paragraph, point] = basis.gdpr.match(/\d+|[a-z]/g) ?? [];
      if (basis.statement?.[locale] === undefined) keys.add(`legalBasis.names.a${article}p${paragraph}${point}`);
    }
  }
  for (const item of notice.rights.items) {
    for (const right of [item.right, ...(item.also ?? [])]) {
      if (item.title?.[locale] === undefined) keys.add(`rights.${right}.title`);
      if (item.text?.[locale] === undefined) keys.add(`rights.${right}.text`);
    }
  }
  for (const s of notice.transfers?.safeguards ?? []) keys.add(s.derogation === '49(1)-second' ? 'safeguard.compellingInterests' : `safeguard.${s.mechanism}`);
  return [...keys].filter((k) => !own(k));
}

/** True when `key` is one of the pack's unchecked keys or lies under one (`rights` covers `rights.access.title`; `*` covers all). */
export function isUnchecked(key: string, unchecked: readonly string[]): boolean {
  return unchecked.some((u) => u === '*' || u === key || key.startsWith(`${u}.`));
}

/** Rule `phrase-pack-unchecked`: The legal wording printed from a phrase pack was checked against the official text. */
export const phrasePackUnchecked: LintRule = {
  id: 'phrase-pack-unchecked',
  article: 'Art. 12(1) GDPR',
  severity: 'info',
  summary: 'The legal wording a notice prints from a phrase pack was checked against the official text.',
  explanation:
    "Each built-in phrase pack (`templates/locales/<language>.yaml`) says in its `provenance` header which official text of Regulation (EU) 2016/679 its legal wording comes from, and lists the keys whose wording nobody has compared with that text yet (`unchecked`, or `all`). The rule reports, once per locale, a notice that prints such wording: the citation form, the statement of a legal basis without the notice's own `statement`, the name or text of a right without the notice's own `title`/`text`, the name of a transfer safeguard. It is information, not a failure: the wording may be right, but a DPO should compare it with the official text before publishing.",
  fix: "Compare the listed wording with the official text on EUR-Lex (or give the notice its own wording: `statement`, a right's `title`/`text`, or a `phrases:` override); then correct the pack and remove the keys from its `unchecked` list.",
  check({ notice }) {
    const out: Finding[] = [];
    notice.locales.forEach((locale, i) => {
      const pack = builtInPhrasePack(locale);
      const unchecked = pack?.provenance?.unchecked ?? [];
      if (!pack || unchecked.length === 0) return;
      const keys = legalPackKeys(notice, locale).filter((k) => isUnchecked(k, unchecked));
      if (keys.length === 0) return;
      const lang = pack.file.replace(/^.*[\\/]/, '').replace(/\.yaml$/, '');
      const shown = keys.length > 4 ? `${keys.slice(0, 4).join(', ')} and ${keys.length - 4} more` : keys.join(', ');
      out.push({ message: `The phrase pack ${lang} has unchecked wording that this notice prints in '${locale}' (${shown}); compare it with the official ${lang} text of the GDPR before publishing.`, path: ['locales', i] });
    });
    return out;
  },
};
