/**
 * The notice as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2, `src/data/dpv-terms.json`):
 * the controller (and representative, DPO), one `dpv:Process` per purpose with its purpose,
 * personal data, legal bases (`eu-gdpr:A6-1-b` ...), recipients and storage conditions, the
 * categories, recipients, transfers with their safeguards, and the rights (`eu-gdpr:A15` ...).
 *
 * Only what the notice states is written: a key the notice leaves out (legal bases, recipients,
 * retention, a `dpv:` term of a purpose or category) writes nothing, and no term is guessed from
 * wording. Two things follow from the data rather than from a sentence: a destination outside the
 * EEA is written as `dpv:hasThirdCountry` (EEA list: `src/data/adequacy.json`), one inside as
 * `dpv:hasCountry`; a purpose without `categories` or `recipients` uses all of them, as the
 * schema defines. Each clause is a node with a relative IRI from its kind and id
 * (`#purpose-support`), the notice itself is the document (`""`): resolved against the address the
 * file is published at, they name the clauses of this version in this locale.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { formatPath } from '../../notice/path.js';
import { isEea } from '../../data/eea.js';
import { loadNotice } from '../../load/read-notice.js';
import type { Address, Contact, Notice, Party, RightName, Safeguard, Text } from '../../model/notice.js';
import { locate } from '../../notice/locate.js';
import { DPV_NAMESPACES, dpvLabel, isDpvPurpose } from './dpv-terms.js';

type Node = Record<string, unknown>;

const CONTEXT = {
  ...DPV_NAMESPACES,
  dct: 'http://purl.org/dc/terms/',
  owl: 'http://www.w3.org/2002/07/owl#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/**
 * GDPR right -> eu-gdpr term (Art. 13/14 information depends on the notice type). A right the notice
 * words itself (`dpo-contact`, `other`) has no rights term and writes none.
 */
const RIGHTS: Record<Exclude<RightName, 'information' | 'dpo-contact' | 'other'>, string> = {
  access: 'eu-gdpr:A15',
  rectification: 'eu-gdpr:A16',
  erasure: 'eu-gdpr:A17',
  restriction: 'eu-gdpr:A18',
  portability: 'eu-gdpr:A20',
  object: 'eu-gdpr:A21',
  'automated-decisions': 'eu-gdpr:A22',
  'withdraw-consent': 'eu-gdpr:A7-3',
  complaint: 'eu-gdpr:A77',
};

/** Transfer tool -> eu-gdpr legal basis for the transfer (derogations by their point). */
const MECHANISMS: Partial<Record<NonNullable<Safeguard['mechanism']>, string>> = {
  adequacy: 'eu-gdpr:A45-3',
  'public-bodies': 'eu-gdpr:A46-2-a',
  bcr: 'eu-gdpr:A46-2-b',
  scc: 'eu-gdpr:A46-2-c',
  'sa-scc': 'eu-gdpr:A46-2-d',
  'code-of-conduct': 'eu-gdpr:A46-2-e',
  certification: 'eu-gdpr:A46-2-f',
  'ad-hoc-clauses': 'eu-gdpr:A46-3-a',
  'administrative-arrangement': 'eu-gdpr:A46-3-b',
};

const RECIPIENT_TYPES: Record<string, string[]> = {
  processor: ['dpv:Recipient', 'dpv:DataProcessor'],
  authority: ['dpv:Recipient', 'dpv:Authority'],
  controller: ['dpv:Recipient', 'dpv:DataController'],
};

/** `6(1)(b)` -> `eu-gdpr:A6-1-b`, `9(2)(a)` -> `eu-gdpr:A9-2-a`, `49(1)(a)` -> `eu-gdpr:A49-1-a`. */
function gdprTerm(citation: string): string {
  return `eu-gdpr:A${citation.replace(/\)\(/g, '-').replace(/[()]/g, (c) => (c === '(' ? '-' : ''))}`;
}

const ref = (id: string) => ({ '@id': id });
const only = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

/**
 * The notice as a JSON-LD document in one locale (texts tagged with it).
 * @param locale one of `notice.locales`
 */
export function renderJsonLd(notice: Notice, locale: string): string {
  const text = (t: Text | undefined) => (t?.[locale] !== undefined ? { '@value': t[locale], '@language': locale } : undefined);
  const texts = (...list: (Text | undefined)[]) => only(list.map(text).filter((t) => t !== undefined));
  const address = (a: Address | undefined) => a && [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.countryName?.[locale] ?? a.country].filter(Boolean).join(', ');
  const contact = (c: Contact | undefined) =>
    c && only([c.email && ref(`mailto:${c.email}`), c.phone, c.web && ref(c.web)].filter((v) => v !== undefined && v !== ''));
  const party = (p: Party | Notice['controller'], id: string, type: string): Node => ({
    '@id': id,
    '@type': type,
    'dpv:hasName': p.name,
    'dpv:hasAddress': address(p.address),
    'dpv:hasCountry': p.address && ref(`loc:${p.address.country}`),
    'dpv:hasContact': contact(p.contact),
    'dct:description': text(p.note),
  });
  const node = {
    category: (id: string) => `#category-${id}`,
    recipient: (id: string) => `#recipient-${id}`,
    purpose: (id: string) => `#purpose-${id}`,
    retention: (id: string) => `#retention-${id}`,
    safeguard: (id: string) => `#safeguard-${id}`,
    destination: (id: string) => `#destination-${id}`,
  };

  const categories = notice.categories.map((c) => ({
    '@id': node.category(c.id),
    '@type': ['dpv:PersonalData', ...(c.dpv ? [c.dpv] : []), ...(c.special ? ['dpv:SpecialCategoryPersonalData'] : [])],
    'dct:title': text(c.label),
    'dct:description': text(c.condition),
  }));
  const recipients = notice.recipients?.map((r) => ({
    '@id': node.recipient(r.id),
    '@type': (r.kind && RECIPIENT_TYPES[r.kind]) ?? 'dpv:Recipient',
    'dpv:hasName': r.name,
    'dct:description': text(r.description),
  }));
  const rules = notice.retention?.rules ?? [];
  const retention = rules.map((r) => ({
    '@id': node.retention(r.id),
    '@type': r.period ? 'dpv:StorageDuration' : 'dpv:StorageCondition',
    'rdf:value': r.period && { '@value': r.period, '@type': 'xsd:duration' },
    'dct:description': texts(r.trigger, r.law, r.criteria),
    'dpv:hasPersonalData': r.categories && r.categories.map((id) => ref(node.category(id))),
  }));
  const processes = notice.purposes.map((p) => ({
    '@id': node.purpose(p.id),
    '@type': 'dpv:Process',
    'dpv:hasPurpose': { '@type': ['dpv:Purpose', ...(p.dpv ? [p.dpv] : [])], 'dct:description': text(p.description) },
    'dpv:hasPersonalData': (p.categories ?? notice.categories.map((c) => c.id)).map((id) => ref(node.category(id))),
    'dpv:hasLegalBasis': p.legalBases && p.legalBases.map((b) => ref(gdprTerm(b.gdpr))),
    'dpv:hasRecipient': notice.recipients && only((p.recipients ?? notice.recipients.map((r) => r.id)).map((id) => ref(node.recipient(id)))),
    'dpv:hasStorageCondition': only(rules.filter((r) => !r.purposes || r.purposes.includes(p.id)).map((r) => ref(node.retention(r.id)))),
    'dpv:hasDataController': ref('#controller'),
  }));
  const t = notice.transfers;
  const safeguards = (t?.safeguards ?? []).map((s) => ({
    '@id': node.safeguard(s.id),
    '@type': 'dpv:SafeguardForDataTransfer',
    'dpv:hasLegalBasis': s.mechanism === 'derogation' ? s.derogation && ref(gdprTerm(s.derogation)) : s.mechanism && MECHANISMS[s.mechanism] && ref(MECHANISMS[s.mechanism]!),
    'dct:description': texts(s.description, s.copy),
  }));
  const basisOf = new Map(safeguards.map((s) => [s['@id'], s['dpv:hasLegalBasis']]));
  const transfers = (t?.destinations ?? []).map((d) => {
    const safeguard = d.safeguard ? node.safeguard(d.safeguard) : undefined;
    return {
      '@id': node.destination(d.id),
      '@type': 'dpv:Process',
      'dpv:hasProcessing': ref('dpv:Transfer'),
      [d.country && !isEea(d.country) ? 'dpv:hasThirdCountry' : 'dpv:hasCountry']: d.country && ref(`loc:${d.country}`),
      'dpv:hasRecipient': only([
        ...(d.organisation ? [{ '@type': ['dpv:Recipient', 'dpv:InternationalOrganisation'], 'dpv:hasName': d.organisation }] : []),
        ...(d.recipients ?? []).map((id) => ref(node.recipient(id))),
      ]),
      'dpv:hasTechnicalOrganisationalMeasure': safeguard && ref(safeguard),
      'dpv:hasLegalBasis': safeguard ? basisOf.get(safeguard) : undefined,
    };
  });
  const rightTerms = (name: RightName): string[] =>
    name === 'information'
      ? [...(notice.noticeType !== 'art14' ? ['eu-gdpr:A13'] : []), ...(notice.noticeType !== 'art13' ? ['eu-gdpr:A14'] : [])]
      : name === 'dpo-contact' || name === 'other'
        ? []
        : [RIGHTS[name]];
  const rights = [...new Set(notice.rights.items.flatMap((r) => [r.right, ...(r.also ?? [])].flatMap(rightTerms)))];

  const doc = {
    '@context': CONTEXT,
    '@id': '',
    '@type': [
      'dpv:PrivacyNotice',
      ...(notice.noticeType !== 'art14' ? ['eu-gdpr:DirectDataCollectionNotice'] : []),
      ...(notice.noticeType !== 'art13' ? ['eu-gdpr:IndirectDataCollectionNotice'] : []),
    ],
    'dct:identifier': notice.id,
    'owl:versionInfo': notice.version,
    'dct:valid': { '@value': notice.effectiveDate, '@type': 'xsd:date' },
    'dct:language': locale,
    'dct:title': text(notice.title),
    'dpv:hasDataController': party(notice.controller, '#controller', 'dpv:DataController'),
    'dpv:hasRepresentative': notice.representative && party(notice.representative, `#representative-${notice.representative.id}`, 'dpv:Representative'),
    'dpv:hasDataProtectionOfficer': notice.dpo && party(notice.dpo, `#dpo-${notice.dpo.id}`, 'dpv:DataProtectionOfficer'),
    'dpv:hasProcess': [...processes, ...transfers],
    'dpv:hasPersonalData': categories,
    'dpv:hasRecipient': recipients && only(recipients),
    'dpv:hasTechnicalOrganisationalMeasure': only(safeguards),
    'dpv:hasStorageCondition': only(retention),
    'dpv:hasRight': [...new Set(rights)].map(ref),
  };
  return `${JSON.stringify(doc, (_key, value: unknown) => (Array.isArray(value) && value.length === 0 ? undefined : value), 2)}\n`;
}

/** A `dpv:`/`pd:` field naming a term that is not in the shipped DPV term list. */
export interface DpvTermProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The `dpv` fields of a notice that do not name a known DPV term of the right kind (a purpose's
 * must be a DPV purpose, a category's a `pd:` personal-data category), so the JSON-LD would point
 * at nothing.
 */
export function dpvTermProblems(notice: Notice): DpvTermProblem[] {
  const problems: DpvTermProblem[] = [];
  notice.purposes.forEach((p, i) => {
    if (p.dpv && !isDpvPurpose(p.dpv)) problems.push({ path: ['purposes', i, 'dpv'], message: `'${p.dpv}' is not a purpose in the W3C DPV term list (src/data/dpv-terms.json); use a DPV purpose such as 'dpv:CustomerCare', or leave the key out.` });
  });
  notice.categories.forEach((c, i) => {
    if (c.dpv && dpvLabel(c.dpv) === undefined) problems.push({ path: ['categories', i, 'dpv'], message: `'${c.dpv}' is not a personal-data category in the W3C DPV term list (src/data/dpv-terms.json); use one such as 'pd:EmailAddress', or leave the key out.` });
  });
  return problems;
}

/**
 * {@link dpvTermProblems} as error diagnostics positioned in the notice's text.
 * @param text the notice file's text
 * @param file its path, as reported
 */
export function dpvTermDiagnostics(notice: Notice, text: string, file: string): Diagnostic[] {
  const problems = dpvTermProblems(notice);
  if (problems.length === 0) return [];
  const loaded = loadNotice(text, file);
  return problems.map((p) => {
    const place = locate(loaded, p.path);
    return { code: 'unknown-dpv-term', severity: 'error', message: p.message, file, line: place.line, column: place.column, path: formatPath(p.path) };
  });
}
