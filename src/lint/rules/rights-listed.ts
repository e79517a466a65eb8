/**
 * Art. 13(2)(b) / 14(2)(c): the rights of access, rectification, erasure, restriction, objection and portability.
 */
import type { Notice, RightName } from '../../model/notice.js';
import type { Finding, LintRule } from '../types.js';
import { allBases } from '../util/notice.js';

const NAMES: Partial<Record<RightName, string>> = {
  access: 'the right of access (Art. 15)',
  rectification: 'the right to rectification (Art. 16)',
  erasure: 'the right to erasure (Art. 17)',
  restriction: 'the right to restriction of processing (Art. 18)',
  portability: 'the right to data portability (Art. 20)',
  object: 'the right to object (Art. 21)',
};

/** Every right the notice's list names: each item's `right` and the further rights it names (`also`). */
export function rightsNamed(notice: Notice): Set<RightName> {
  return new Set(notice.rights.items.flatMap((r) => [r.right, ...(r.also ?? [])]));
}

/** Rule `rights-listed`: The rights that apply are listed: access, rectification, erasure, restriction, objection, portability. */
export const rightsListed: LintRule = {
  id: 'rights-listed',
  article: 'Art. 13(2)(b), 14(2)(c), 15-18, 20, 21 GDPR',
  severity: 'error',
  summary: 'The rights that apply are listed: access, rectification, erasure, restriction, objection, portability.',
  explanation:
    'The notice must tell people about their rights of access, rectification, erasure, restriction, objection and data portability. The rights of access, rectification, erasure and restriction always apply; the right to object applies where a purpose rests on Art. 6(1)(e) or (f), the right to data portability where one rests on consent (6(1)(a), 9(2)(a)) or a contract (6(1)(b)). The rule reports each right that applies and is missing from `rights.items`; an item naming several rights (`also`) counts for each.',
  fix: 'Add the right to `rights.items`, e.g. `- id: restriction` with `right: restriction` (the phrase pack supplies the standard wording).',
  check({ notice }) {
    const out: Finding[] = [];
    const listed = rightsNamed(notice);
    const bases = allBases(notice);
    const needed: RightName[] = ['access', 'rectification', 'erasure', 'restriction'];
    if (bases.has('6(1)(e)') || bases.has('6(1)(f)')) needed.push('object');
    if (bases.has('6(1)(a)') || bases.has('6(1)(b)') || bases.has('9(2)(a)')) needed.push('portability');
    for (const right of needed) {
      if (!listed.has(right)) {
        out.push({ message: `The list of rights leaves out ${NAMES[right]}; add an item with 'right: ${right}'.`, path: ['rights', 'items'], at: 'key' });
      }
    }
    return out;
  },
};
