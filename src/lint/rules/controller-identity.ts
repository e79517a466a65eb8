/**
 * Art. 13(1)(a) / 14(1)(a): the controller's identity and contact details.
 */
import type { Finding, LintRule } from '../types.js';
import { hasChannel } from '../util/notice.js';

/** Rule `controller-identity`: The controller is identified and can be reached. */
export const controllerIdentity: LintRule = {
  id: 'controller-identity',
  article: 'Art. 13(1)(a), 14(1)(a) GDPR',
  severity: 'error',
  summary: 'The controller is identified and can be reached.',
  explanation:
    'Every notice must give the identity and the contact details of the controller. The rule checks that the controller has an address beyond the country (at least the city) and at least one contact channel: e-mail, phone, web form, or post to an address with street and city.',
  fix: "Complete `controller.address` (street, postal code, city) and add `controller.contact` with an `email`, `phone`, `web` or `post: true`.",
  check({ notice }) {
    const out: Finding[] = [];
    const c = notice.controller;
    if (!c.address) {
      out.push({ message: `The notice gives no postal address for ${c.name}; add controller.address (street, postal code, city, country).`, path: ['controller'], at: 'key' });
    } else if (!c.address.city) {
      out.push({ message: `The controller's address gives only the country; add the street, postal code and city of ${c.name}.`, path: ['controller', 'address'], at: 'key' });
    }
    if (!hasChannel(c.contact)) {
      out.push({ message: `${c.name} gives no way to contact it; add an e-mail address, phone number, web form or 'post: true' to controller.contact.`, path: ['controller', 'contact'], at: 'key' });
    } else if (c.contact.post && !c.contact.email && !c.contact.phone && !c.contact.web && !(c.address?.street && c.address.city)) {
      out.push({ message: `${c.name} can only be reached by post, but its address has no street or city; complete controller.address.`, path: ['controller', 'contact', 'post'] });
    }
    return out;
  },
};
