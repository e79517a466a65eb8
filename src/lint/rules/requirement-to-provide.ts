/**
 * Art. 13(2)(e): whether providing the data is required, and what happens if it is not (Art. 13 notices only).
 */
import type { Finding, LintRule } from '../types.js';
import { isArt13 } from '../util/notice.js';

/** Rule `requirement-to-provide`: An Art. 13 notice says whether people must provide the data, and what happens if they do not. */
export const requirementToProvide: LintRule = {
  id: 'requirement-to-provide',
  article: 'Art. 13(2)(e) GDPR',
  severity: 'error',
  summary: 'An Art. 13 notice says whether people must provide the data, and what happens if they do not.',
  explanation:
    'When data are collected from the data subject, the notice must say whether providing them is a statutory or contractual requirement or a requirement to enter into a contract, whether the data subject is obliged to provide them, and the possible consequences of not providing them. Art. 14 has no such item. The rule reports `art13` and `both` notices without a `requirement` section, and requirements other than `voluntary` that do not state the consequences.',
  fix: 'Add `requirement` with `kind` (statutory, contractual, contract-prerequisite, voluntary) and `consequences` (e.g. "without your e-mail address we cannot answer your request").',
  check({ notice }) {
    const out: Finding[] = [];
    if (!isArt13(notice)) return out;
    const r = notice.requirement;
    if (!r) {
      out.push({ message: "This notice collects data from the data subject but does not say whether they must provide them or what happens if they do not; add a 'requirement' section.", path: ['noticeType'] });
    } else if (!r.kind) {
      out.push({ message: "The notice does not say whether providing the data is required by law or by contract, or voluntary (Art. 13(2)(e)); add 'kind' as the notice states it.", path: ['requirement'], at: 'key' });
    } else if (r.kind !== 'voluntary' && !r.consequences) {
      out.push({ message: `Providing the data is ${r.kind === 'statutory' ? 'required by law' : 'required by contract'}, but the notice does not say what happens if they are not provided; add 'consequences'.`, path: ['requirement', 'kind'] });
    }
    return out;
  },
};
