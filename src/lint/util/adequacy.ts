/**
 * EEA membership and adequacy decisions, read from `src/data/adequacy.json` (dated, with sources), so
 * the list can be updated without touching the rules.
 */
import data from '../../data/adequacy.json' with { type: 'json' };

/** A European Commission adequacy decision (Art. 45 GDPR). */
export interface AdequacyDecision {
  /** ISO 3166-1 code of the country, for a country decision. */
  country?: string;
  /** Name of the international organisation, for an organisation decision. */
  organisation?: string;
  /** Other names the organisation goes by. */
  aliases?: string[];
  /** Decision number as cited, e.g. `(EU) 2023/1795`. */
  decision: string;
  /** Date of adoption, YYYY-MM-DD. */
  adopted: string;
  /** Last day the decision applies, YYYY-MM-DD, if limited. */
  expires?: string;
  /** What the decision covers, when it does not cover every recipient. */
  scope?: string;
  /** `certification`: only self-certified recipients; `law`: what a named law covers. */
  scopeKind?: 'certification' | 'law';
  /** Words a notice uses when it states the scope. */
  scopeTerms?: string[];
  /** Where the decision is published. */
  source: string;
  note?: string;
}

const DECISIONS = data.decisions as AdequacyDecision[];

/** Date the adequacy list was last checked against its sources (YYYY-MM-DD). */
export const ADEQUACY_CHECKED: string = data.checked;

export { isEea } from '../../data/eea.js';

/**
 * The adequacy decision in force for a country on a day.
 * @param country ISO 3166-1 code, e.g. `CH`
 * @param today YYYY-MM-DD
 */
export function adequacyForCountry(country: string, today: string): AdequacyDecision | undefined {
  return DECISIONS.find((d) => d.country === country && inForce(d, today));
}

/**
 * The adequacy decision in force for an international organisation, matched by name or alias.
 * @param name the organisation as the notice names it
 * @param today YYYY-MM-DD
 */
export function adequacyForOrganisation(name: string, today: string): AdequacyDecision | undefined {
  const wanted = name.trim().toLowerCase();
  return DECISIONS.find(
    (d) => d.organisation !== undefined && [d.organisation, ...(d.aliases ?? [])].some((n) => n.toLowerCase() === wanted) && inForce(d, today),
  );
}

function inForce(d: AdequacyDecision, today: string): boolean {
  return d.adopted <= today && (d.expires === undefined || today <= d.expires);
}

/** `Commission Implementing Decision (EU) 2023/1795 of 10 July 2023` style citation, short. */
export function citeDecision(d: AdequacyDecision): string {
  const [y, m, day] = d.adopted.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${d.decision} of ${date}`;
}
