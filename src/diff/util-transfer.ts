/**
 * Facts about where data may go (DOMAIN.md section 2), kept as data so they can be updated
 * without touching the classification.
 */

export { EEA_COUNTRIES } from '../data/eea.js';
import { EEA_COUNTRIES } from '../data/eea.js';

/**
 * How strong each Chapter V transfer tool is, higher is stronger: an adequacy decision (Art. 45),
 * then the Art. 46(2) instruments that need no authorisation, then codes and certifications that
 * rest on the importer's commitments, then Art. 46(3) tools, then Art. 49 derogations (for
 * occasional transfers only). Moving a destination down this list is a weaker safeguard.
 */
export const SAFEGUARD_STRENGTH: Readonly<Record<string, number>> = {
  adequacy: 5,
  bcr: 4,
  scc: 4,
  'public-bodies': 4,
  'sa-scc': 4,
  'code-of-conduct': 3,
  certification: 3,
  'ad-hoc-clauses': 2,
  'administrative-arrangement': 2,
  derogation: 1,
};

/** Short names of the transfer tools, for summaries. */
export const SAFEGUARD_NAMES: Readonly<Record<string, string>> = {
  adequacy: 'adequacy decision',
  bcr: 'BCR',
  scc: 'SCC',
  'public-bodies': 'instrument between public bodies',
  'sa-scc': 'SCC of a supervisory authority',
  'code-of-conduct': 'code of conduct',
  certification: 'certification',
  'ad-hoc-clauses': 'ad hoc clauses',
  'administrative-arrangement': 'administrative arrangement',
  derogation: 'Art. 49 derogation',
};

/**
 * True when a destination is a third country or an international organisation (a transfer under Chapter V).
 * @param destination a `Destination` clause value
 */
export function isThirdCountry(destination: { country?: unknown; organisation?: unknown }): boolean {
  if (typeof destination.country === 'string') return !EEA_COUNTRIES.has(destination.country);
  return destination.organisation !== undefined;
}

let regionNames: Intl.DisplayNames | undefined;
/**
 * English name of a country, e.g. `IN` -> `India` (from ICU, so it needs no list of its own).
 * @param code ISO 3166-1 alpha-2 code
 */
export function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames('en', { type: 'region', fallback: 'code' });
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
