/**
 * The W3C DPV terms noticekit knows, from the data file `src/data/dpv-terms.json` (DPV release,
 * repository commit and files in `src/data/dpv-terms.ORIGIN.md`).
 */
import data from '../../data/dpv-terms.json' with { type: 'json' };

/** Prefix -> namespace IRI of the DPV vocabularies used (dpv, pd, eu-gdpr, loc). */
export const DPV_NAMESPACES: Readonly<Record<string, string>> = data.namespaces;

/** Where the term list comes from (release, repository, commit, files). */
export const DPV_ORIGIN = data.origin;

const terms = data.terms as Record<string, Record<string, string>>;
const purposes = new Set<string>(data.purposes);

/** `dpv:CustomerCare` -> its full IRI; undefined for an unknown prefix. */
export function expandDpvTerm(curie: string): string | undefined {
  const colon = curie.indexOf(':');
  const ns = DPV_NAMESPACES[curie.slice(0, colon)];
  return colon > 0 && ns ? ns + curie.slice(colon + 1) : undefined;
}

/** The English label of a DPV term (`dpv:CustomerCare` or its full IRI), undefined when it is not in the list. */
export function dpvLabel(term: string): string | undefined {
  for (const [prefix, ns] of Object.entries(DPV_NAMESPACES)) {
    const local = term.startsWith(ns) ? term.slice(ns.length) : term.startsWith(`${prefix}:`) ? term.slice(prefix.length + 1) : undefined;
    if (local !== undefined) return Object.hasOwn(terms[prefix] ?? {}, local) ? terms[prefix]![local] : undefined;
  }
  return undefined;
}

/** True when a full IRI is one of the shipped DPV terms. */
export function isKnownDpvIri(iri: string): boolean {
  return Object.values(DPV_NAMESPACES).some((ns) => iri.startsWith(ns)) && dpvLabel(iri) !== undefined;
}

/** True when `dpv:Name` names a DPV purpose. */
export function isDpvPurpose(curie: string): boolean {
  return curie.startsWith('dpv:') && purposes.has(curie.slice(4));
}
