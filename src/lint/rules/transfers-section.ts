/**
 * Art. 13(1)(f) / 14(1)(f): a notice whose data leave the EEA has a transfers section.
 */
import type { Finding, LintRule } from '../types.js';
import { isEea } from '../util/adequacy.js';
import { countryName } from '../util/notice.js';

/** Rule `transfers-section`: A notice whose data leave the EEA says where they go. */
export const transfersSection: LintRule = {
  id: 'transfers-section',
  article: 'Art. 13(1)(f), 14(1)(f) GDPR',
  severity: 'error',
  summary: 'A notice whose data leave the EEA says where they go.',
  explanation:
    'Where the controller intends to transfer personal data to a third country or international organisation, the notice must say so, state whether there is an adequacy decision and name the safeguards. A controller established outside the EEA receives the data there, so its country must appear in `transfers.destinations`. The rule reports such notices without a `transfers` section, or whose destinations leave out the controller\'s country.',
  fix: "Add `transfers` with a destination for the controller's country (and every other country the data reach), each with `adequacy` and `safeguard`.",
  check({ notice }) {
    const out: Finding[] = [];
    const country = notice.controller.address?.country;
    if (!country) return out;
    if (isEea(country)) return out;
    const where = `${countryName(country)} (${country})`;
    if (!notice.transfers) {
      out.push({ message: `The controller is established in ${where}, outside the EEA, so the data go there; add a 'transfers' section naming ${country} and the safeguard relied on.`, path: ['controller', 'address', 'country'] });
    } else if (!notice.transfers.destinations.some((d) => d.country === country)) {
      out.push({ message: `The controller is established in ${where}, but transfers.destinations does not list ${country}; add it with its safeguard.`, path: ['transfers', 'destinations'], at: 'key' });
    }
    return out;
  },
};
