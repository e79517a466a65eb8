/**
 * Art. 27 with Art. 13(1)(a) / 14(1)(a): a controller outside the EEA names its EU representative.
 */
import type { Finding, LintRule } from '../types.js';
import { isEea } from '../util/adequacy.js';
import { countryName } from '../util/notice.js';
import { contactViaPaths, hasChannel } from '../util/notice.js';

/** Rule `eu-representative`: A controller established outside the EEA names its representative in the EU, with contact details. */
export const euRepresentative: LintRule = {
  id: 'eu-representative',
  article: 'Art. 27, 13(1)(a), 14(1)(a) GDPR',
  severity: 'error',
  summary: 'A controller established outside the EEA names its representative in the EU, with contact details.',
  explanation:
    'A controller not established in the EU/EEA that offers goods or services to, or monitors, people in the EU must designate a representative in the EU (Art. 27), and the notice must give the representative\'s contact details. The rule fires when `controller.address.country` is outside the EEA and there is no `representative`, when the representative is itself outside the EEA or cannot be contacted, and when the notice sends people to a representative it does not name. Art. 27(2) exempts occasional, low-risk processing and public authorities; turn the rule off in the configuration if that applies.',
  fix: 'Add a `representative` with name, an address in an EEA country and `contact` (e-mail or phone).',
  check({ notice }) {
    const out: Finding[] = [];
    const country = notice.controller.address?.country;
    if (!country) return out;
    const rep = notice.representative;
    if (!isEea(country) && !rep) {
      out.push({
        message: `The controller is established in ${countryName(country)} (${country}), outside the EEA; name its representative in the EU under Art. 27 in 'representative'.`,
        path: ['controller', 'address', 'country'],
      });
    }
    if (rep) {
      if (rep.address && !isEea(rep.address.country)) {
        out.push({ message: `The EU representative must be established in the EU/EEA, but ${rep.name} is in ${countryName(rep.address.country)} (${rep.address.country}).`, path: ['representative', 'address', 'country'] });
      }
      if (!hasChannel(rep.contact)) {
        out.push({ message: `The EU representative ${rep.name} has no contact details; add an e-mail address or phone number in representative.contact.`, path: ['representative'], at: 'key' });
      }
    }
    if (!rep) for (const path of contactViaPaths(notice, 'representative')) out.push({ message: 'The notice sends people to the EU representative but names none; add \'representative\' or remove it here.', path });
    return out;
  },
};
