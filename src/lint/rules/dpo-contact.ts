/**
 * Art. 13(1)(b) / 14(1)(b), Art. 37(7): the DPO's contact details, where a DPO is designated.
 */
import type { Finding, LintRule } from '../types.js';
import { contactViaPaths, hasChannel } from '../util/notice.js';

/** Rule `dpo-contact`: A designated data protection officer can be contacted. */
export const dpoContact: LintRule = {
  id: 'dpo-contact',
  article: 'Art. 13(1)(b), 14(1)(b), 37(7) GDPR',
  severity: 'error',
  summary: 'A designated data protection officer can be contacted.',
  explanation:
    'Where a data protection officer is designated, the notice must give the DPO\'s contact details (a name is not required, a way to reach the DPO is). The rule checks that `dpo` has at least one contact channel, that letters are only invited to a full address, and that the notice does not send people to a DPO it does not name (in `contactVia` or a `dpo-contact` right).',
  fix: 'Add `dpo.contact` with an `email` (a functional address such as dpo@example.com is fine), `phone`, `web`, or `post: true` with a full `dpo.address`.',
  check({ notice }) {
    const out: Finding[] = [];
    const dpo = notice.dpo;
    if (dpo) {
      if (!hasChannel(dpo.contact)) {
        out.push({ message: `The data protection officer (${dpo.name}) has no contact details; add an e-mail address, phone number or web form in dpo.contact.`, path: ['dpo'], at: 'key' });
      } else if (dpo.contact?.post && !dpo.contact.email && !dpo.contact.phone && !dpo.contact.web && !(dpo.address?.street && dpo.address.city)) {
        out.push({ message: 'The DPO can only be reached by post, but dpo.address has no street or city; complete it.', path: ['dpo', 'contact', 'post'] });
      }
    }
    if (!dpo) for (const path of contactViaPaths(notice, 'dpo')) out.push({ message: "The notice sends people to the data protection officer but names none; add 'dpo' or remove it here.", path });
    notice.rights.items.forEach((item, i) => {
      if (item.right === 'dpo-contact' && !dpo) out.push({ message: `Right '${item.id}' sends people to the data protection officer (Art. 38(4)), but the notice names none; add 'dpo' with its contact details.`, path: ['rights', 'items', i, 'right'] });
    });
    return out;
  },
};
