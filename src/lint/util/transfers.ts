/**
 * Transfers out of the EEA as the rules talk about them: the decision covering a destination, its
 * name in messages, its safeguard.
 */
import type { Destination, Notice } from '../../model/notice.js';
import { adequacyForCountry, adequacyForOrganisation, isEea, type AdequacyDecision } from './adequacy.js';
import { countryName } from './notice.js';

/** The adequacy decision (if any) covering a destination on a day; `eea` for an EEA country. */
export function decisionFor(d: Destination, today: string): AdequacyDecision | 'eea' | undefined {
  if (d.country) return isEea(d.country) ? 'eea' : adequacyForCountry(d.country, today);
  if (d.organisation) return adequacyForOrganisation(d.organisation, today);
  return undefined;
}

// Countries whose English name takes the article.
const WITH_THE = new Set(['US', 'GB', 'NL', 'FO', 'AE', 'PH', 'BS', 'KY', 'VA', 'CF', 'CD', 'DO', 'GM', 'MH', 'SB', 'TC']);

/** A destination's name for messages: `Switzerland (CH)`, `the United States (US)`, or the organisation's name. */
export function destinationName(d: Destination): string {
  if (!d.country) return d.organisation ?? d.id;
  return `${WITH_THE.has(d.country) ? 'the ' : ''}${countryName(d.country)} (${d.country})`;
}

/** The safeguard a destination refers to. */
export function safeguardOf(notice: Notice, d: Destination) {
  return d.safeguard ? notice.transfers?.safeguards?.find((s) => s.id === d.safeguard) : undefined;
}
