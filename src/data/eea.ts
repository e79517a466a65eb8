/**
 * EEA membership, from the dated data file `src/data/adequacy.json` that the linter's adequacy
 * rules also read: one list for the renderer, the diff and the linter.
 */
import data from './adequacy.json' with { type: 'json' };

/** EU member states and the EEA EFTA states (IS, LI, NO), as ISO 3166-1 codes. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set<string>(data.eea.countries);

/** True for an EU or EEA EFTA country (ISO 3166-1 code). */
export function isEea(country: string): boolean {
  return EEA_COUNTRIES.has(country);
}
