/* Generated from schema/notice.schema.json by scripts/gen-types.mjs. Do not edit; run `npm run gen:types`. */

/**
 * A stable clause id: short lower-case kebab-case words such as `call-recordings`. Never reuse an id for a different clause.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * A BCP 47 language tag such as `en`, `lv`, `de-AT` or `sr-Latn`.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Locale".
 */
export type Locale = string;
/**
 * A two-letter ISO 3166-1 country code in capitals, such as `DE`, `LV`, `US` (Greece is `GR`).
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Country".
 */
export type Country = string;
/**
 * An e-mail address.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Email".
 */
export type Email = string;
/**
 * A telephone number as people dial it, with the country code, e.g. `+49 (0) 841 98 18 90`.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Phone".
 */
export type Phone = string;
/**
 * A web address starting with https:// or http://.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Url".
 */
export type Url = string;
/**
 * A legal basis as GDPR article(paragraph)(point): `6(1)(a)` consent, `6(1)(b)` contract, `6(1)(c)` legal obligation, `6(1)(d)` vital interests, `6(1)(e)` public task, `6(1)(f)` legitimate interests; `9(2)(a)`-`9(2)(j)` for special categories.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "GdprBasis".
 */
export type GdprBasis =
  | '6(1)(a)'
  | '6(1)(b)'
  | '6(1)(c)'
  | '6(1)(d)'
  | '6(1)(e)'
  | '6(1)(f)'
  | '9(2)(a)'
  | '9(2)(b)'
  | '9(2)(c)'
  | '9(2)(d)'
  | '9(2)(e)'
  | '9(2)(f)'
  | '9(2)(g)'
  | '9(2)(h)'
  | '9(2)(i)'
  | '9(2)(j)';
/**
 * The `id` of another clause in this notice.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "IdRef".
 */
export type IdRef = string;
/**
 * An ISO 8601 duration in years, months, weeks or days: `P6M` is six months, `P2Y` two years, `P30D` thirty days.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Duration".
 */
export type Duration = string;
/**
 * A data subject right: `information` (Art. 12-14), `access` (15), `rectification` (16), `erasure` (17), `restriction` (18), `portability` (20), `object` (21), `automated-decisions` (22), `withdraw-consent` (7(3)), `complaint` (77), `dpo-contact` (contacting the data protection officer, 38(4)), `other` (a right or choice the notice grants beyond these, e.g. an opt-out of model training). `dpo-contact` and `other` have no standard wording: give `title` and `text`.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "RightName".
 */
export type RightName =
  | 'information'
  | 'access'
  | 'rectification'
  | 'erasure'
  | 'restriction'
  | 'portability'
  | 'object'
  | 'automated-decisions'
  | 'withdraw-consent'
  | 'complaint'
  | 'dpo-contact'
  | 'other';
/**
 * `list` or `table`.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Layout".
 */
export type Layout = 'list' | 'table';

/**
 * A privacy notice under GDPR Art. 13 and/or Art. 14, kept as data. Every section and every list item carries a stable `id` that the diff keys on.
 */
export interface Notice {
  id: Id;
  /**
   * Version of this notice, e.g. `1.0.0` or `2024-03`. Quote it in YAML (`version: "1.0"`) so it stays text.
   */
  version: string;
  /**
   * Date from which this version applies, as YYYY-MM-DD.
   */
  effectiveDate: string;
  /**
   * `false` when the notice itself states no version and no date: `version` and `effectiveDate` are then the editor's (e.g. an archive's date), used for output paths and history but not printed, and lint reports the gap. Leave out when the notice states them.
   */
  versionStated?: boolean;
  /**
   * Which article the notice answers: `art13` when the data come from the data subject, `art14` when they come from elsewhere, `both` for both.
   */
  noticeType: 'art13' | 'art14' | 'both';
  /**
   * Every language the notice is published in, as BCP 47 tags such as `en`, `lv`, `de`. Every text must have each of them.
   *
   * @minItems 1
   * @maxItems 64
   */
  locales: Locale[];
  sourceLocale: Locale;
  title: Text;
  intro?: Text;
  phrases?: Phrases;
  controller: Controller;
  representative?: Party;
  dpo?: Party;
  /**
   * Joint controllers (Art. 26) and the essence of the arrangement with each.
   *
   * @maxItems 100
   */
  jointControllers?: JointController[];
  /**
   * Why the data are processed, each with its legal basis (Art. 13(1)(c) / 14(1)(c)).
   *
   * @minItems 1
   * @maxItems 500
   */
  purposes: Purpose[];
  /**
   * Categories of personal data processed (Art. 14(1)(d); good practice under Art. 13).
   *
   * @minItems 1
   * @maxItems 1000
   */
  categories: Category[];
  /**
   * Where the data come from (Art. 14(2)(f)); for Art. 13 notices, usually the data subject.
   *
   * @maxItems 200
   */
  sources?: Source[];
  /**
   * Recipients or categories of recipients (Art. 13(1)(e) / 14(1)(e)). An empty list says the notice states there are none; leave the key out when the notice does not say (lint reports the gap).
   *
   * @maxItems 500
   */
  recipients?: Recipient[];
  transfers?: Transfers;
  retention?: Retention;
  automatedDecisions?: AutomatedDecisions;
  rights: Rights;
  complaints?: Complaints;
  requirement?: Requirement;
  /**
   * Free clauses (Markdown) for anything the model does not hold, each placed after a section (`after`) or after any clause (`afterClause`).
   *
   * @maxItems 200
   */
  clauses?: Clause[];
  layout?: Layout;
  /**
   * The layout of single sections, over `layout`, e.g. `purposes: table`.
   */
  layouts?: {
    purposes?: Layout;
    recipients?: Layout;
    transfers?: Layout;
  };
  /**
   * The order the notice prints its sections in, when it differs from the standard one. Sections not listed follow in the standard order.
   *
   * @maxItems 14
   */
  sectionOrder?: (
    | 'controller'
    | 'jointControllers'
    | 'purposes'
    | 'categories'
    | 'sources'
    | 'legalBases'
    | 'recipients'
    | 'transfers'
    | 'retention'
    | 'automatedDecisions'
    | 'rights'
    | 'exercise'
    | 'complaints'
    | 'requirement'
  )[];
  translationReviews?: TranslationReviews;
}
/**
 * A human-readable text, one entry per locale (`en: ...`, `lv: ...`). Markdown emphasis, links and lists are allowed; raw HTML is not.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Text".
 */
export interface Text {
  /**
   * The text in this locale (Markdown).
   */
  [k: string]: string | undefined;
}
/**
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Phrases".
 */
export interface Phrases {
  [k: string]: Text | undefined;
}
/**
 * The controller's identity and contact details.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Controller".
 */
export interface Controller {
  id: Id;
  /**
   * Legal name, e.g. `AO Kaspersky Lab`.
   */
  name: string;
  /**
   * Short names the notice uses for the controller, e.g. `Kaspersky`, `KL`.
   *
   * @maxItems 20
   */
  aliases?: string[];
  address?: Address;
  contact: Contact;
  /**
   * Whom the notice sends questions to: the controller directly, its EU representative, its DPO.
   *
   * @maxItems 3
   */
  contactVia?: ('controller' | 'representative' | 'dpo')[];
  note?: Text;
  localName?: Text;
}
/**
 * A postal address.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Address".
 */
export interface Address {
  /**
   * Street and number, e.g. `Despag-Strasse 3`.
   */
  street?: string;
  /**
   * Postal code, e.g. `85055`.
   */
  postalCode?: string;
  /**
   * City or town.
   */
  city?: string;
  /**
   * State, province or region, where addresses use one.
   */
  region?: string;
  country: Country;
  countryName?: Text;
}
/**
 * How to reach someone.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Contact".
 */
export interface Contact {
  email?: Email;
  phone?: Phone;
  web?: Url;
  /**
   * True when letters to the postal address are an invited channel.
   */
  post?: boolean;
}
/**
 * A person or organisation with contact details.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Party".
 */
export interface Party {
  id: Id;
  /**
   * Legal name, as written in every locale, e.g. `Kaspersky Labs GmbH`.
   */
  name: string;
  address?: Address;
  contact?: Contact;
  note?: Text;
  localName?: Text;
}
/**
 * A joint controller (Art. 26).
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "JointController".
 */
export interface JointController {
  id: Id;
  /**
   * Legal name.
   */
  name: string;
  address?: Address;
  contact?: Contact;
  arrangement: Text;
  localName?: Text;
}
/**
 * A purpose of processing.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Purpose".
 */
export interface Purpose {
  id: Id;
  description: Text;
  appliesTo?: Text;
  /**
   * The legal basis (or bases) for this purpose. Leave out when the notice does not state one: nothing is printed and lint reports the gap at the purpose.
   *
   * @minItems 1
   * @maxItems 10
   */
  legalBases?: LegalBasis[];
  legitimateInterests?: Text;
  /**
   * Ids of the data categories this purpose uses; leave out to mean all.
   *
   * @maxItems 1000
   */
  categories?: IdRef[];
  /**
   * Ids of the recipients that receive data for this purpose; leave out to mean all.
   *
   * @maxItems 500
   */
  recipients?: IdRef[];
  /**
   * Optional W3C DPV purpose term, e.g. `dpv:CustomerCare`.
   */
  dpv?: string;
}
/**
 * One legal basis of a purpose.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "LegalBasis".
 */
export interface LegalBasis {
  id: Id;
  gdpr: GdprBasis;
  law?: Text;
  statement?: Text;
  appliesTo?: Text;
}
/**
 * A category of personal data.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Category".
 */
export interface Category {
  id: Id;
  label: Text;
  condition?: Text;
  /**
   * True for a special category under Art. 9 (health, biometric, religion, ...).
   */
  special?: boolean;
  /**
   * True for data on criminal convictions and offences (Art. 10).
   */
  criminal?: boolean;
  source?: IdRef;
  /**
   * Optional W3C DPV personal-data term, e.g. `pd:EmailAddress`.
   */
  dpv?: string;
}
/**
 * A source of personal data.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Source".
 */
export interface Source {
  id: Id;
  /**
   * `data-subject`: given by the person; `public`: publicly accessible source; `third-party`: obtained from someone else; `generated`: produced by our own systems.
   */
  kind: 'data-subject' | 'public' | 'third-party' | 'generated';
  description: Text;
}
/**
 * A recipient or category of recipients. Leave `kind` out when the notice does not say what kind of recipient it is.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Recipient".
 */
export interface Recipient {
  id: Id;
  /**
   * `group-company`: company of the same group; `processor`: service provider acting on our instructions; `authority`: public authority; `controller`: another controller; `other`.
   */
  kind?: 'group-company' | 'processor' | 'authority' | 'controller' | 'other';
  /**
   * Name of the recipient, when the notice names it.
   */
  name?: string;
  appliesTo?: Text;
  description: Text;
  localName?: Text;
}
/**
 * Where data are processed, and transfers out of the EEA.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Transfers".
 */
export interface Transfers {
  id: Id;
  /**
   * Every country or international organisation where data are processed or to which they are sent, inside or outside the EEA.
   *
   * @minItems 1
   * @maxItems 300
   */
  destinations: Destination[];
  /**
   * The safeguards the destinations refer to, with how to obtain a copy.
   *
   * @maxItems 50
   */
  safeguards?: Safeguard[];
  statement?: Text;
  appliesTo?: Text;
}
/**
 * A country or international organisation where data are processed. Give either `country` or `organisation`.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Destination".
 */
export interface Destination {
  id: Id;
  country?: Country;
  /**
   * Name of an international organisation, e.g. `European Patent Organisation`.
   */
  organisation?: string;
  /**
   * What the notice states: true if it says the European Commission decided the destination is adequate, false if it says there is no such decision. Leave out if the notice says nothing.
   */
  adequacy?: boolean;
  safeguard?: IdRef;
  /**
   * Ids of the recipients located here, if known.
   *
   * @maxItems 500
   */
  recipients?: IdRef[];
}
/**
 * A transfer tool under Chapter V. Give `mechanism` when the notice names the tool; without it, only the notice's `description` is printed and lint reports the gap.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Safeguard".
 */
export interface Safeguard {
  id: Id;
  /**
   * `adequacy` Art. 45; `scc` Commission standard contractual clauses, Decision (EU) 2021/914, Art. 46(2)(c); `bcr` binding corporate rules, Art. 46(2)(b)/47; `public-bodies` Art. 46(2)(a); `sa-scc` clauses of a supervisory authority, 46(2)(d); `code-of-conduct` 46(2)(e); `certification` 46(2)(f); `ad-hoc-clauses` 46(3)(a); `administrative-arrangement` 46(3)(b); `derogation` Art. 49.
   */
  mechanism?:
    | 'adequacy'
    | 'scc'
    | 'bcr'
    | 'public-bodies'
    | 'sa-scc'
    | 'code-of-conduct'
    | 'certification'
    | 'ad-hoc-clauses'
    | 'administrative-arrangement'
    | 'derogation';
  /**
   * For `mechanism: derogation`, the point of Art. 49(1) relied on, e.g. `49(1)(a)` explicit consent; `49(1)-second` the second subparagraph (a transfer, not repetitive, necessary for compelling legitimate interests of the controller), for which the notice must state those interests in `compellingInterests`.
   */
  derogation?:
    '49(1)(a)' | '49(1)(b)' | '49(1)(c)' | '49(1)(d)' | '49(1)(e)' | '49(1)(f)' | '49(1)(g)' | '49(1)-second';
  compellingInterests?: Text;
  description?: Text;
  copy?: Text;
}
/**
 * Storage periods.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Retention".
 */
export interface Retention {
  id: Id;
  /**
   * One rule per period; different categories or purposes with different periods get their own rule.
   *
   * @minItems 1
   * @maxItems 500
   */
  rules: RetentionRule[];
}
/**
 * How long some data are kept. Give at least one of `period`, `trigger`, `law` or `criteria`.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "RetentionRule".
 */
export interface RetentionRule {
  id: Id;
  period?: Duration;
  trigger?: Text;
  law?: Text;
  criteria?: Text;
  /**
   * Ids of the categories this rule applies to; leave out for all.
   *
   * @maxItems 1000
   */
  categories?: IdRef[];
  /**
   * Ids of the purposes this rule applies to; leave out for all.
   *
   * @maxItems 500
   */
  purposes?: IdRef[];
  appliesTo?: Text;
}
/**
 * Automated decision-making, including profiling.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "AutomatedDecisions".
 */
export interface AutomatedDecisions {
  id: Id;
  /**
   * True if decisions based solely on automated processing with legal or similarly significant effects are made.
   */
  exists: boolean;
  statement?: Text;
  logic?: Text;
  consequences?: Text;
}
/**
 * Rights and how to exercise them.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Rights".
 */
export interface Rights {
  id: Id;
  intro?: Text;
  appliesTo?: Text;
  /**
   * The rights that apply, in the order the notice lists them.
   *
   * @minItems 1
   * @maxItems 20
   */
  items: Right[];
  exercise?: Exercise;
}
/**
 * A right that applies.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Right".
 */
export interface Right {
  id: Id;
  right: RightName;
  /**
   * Further rights this one item names, when the notice names several in one item (`Access and rectify your data`: `right: access`, `also: [rectification]`). Lint counts each as listed.
   *
   * @minItems 1
   * @maxItems 11
   */
  also?: RightName[];
  appliesTo?: Text;
  title?: Text;
  text?: Text;
}
/**
 * How to exercise the rights.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Exercise".
 */
export interface Exercise {
  id: Id;
  /**
   * Whom to contact to exercise a right.
   *
   * @maxItems 3
   */
  contactVia?: ('controller' | 'representative' | 'dpo')[];
  contact?: Contact;
  responseTime?: Duration;
  extension?: Text;
  identityCheck?: Text;
  /**
   * True if exercising rights is free of charge (the rule under Art. 12(5)).
   */
  freeOfCharge?: boolean;
  fees?: Text;
  text?: Text;
}
/**
 * Complaints to the controller and to a supervisory authority.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Complaints".
 */
export interface Complaints {
  id: Id;
  authority?: Party;
  text?: Text;
}
/**
 * Whether the data subject must provide the data. Give `kind` when the notice says whether providing them is required; leave it out when it only says what happens if they are not provided.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Requirement".
 */
export interface Requirement {
  id: Id;
  /**
   * `statutory` required by law; `contractual` required by a contract; `contract-prerequisite` needed to enter a contract; `voluntary` not required.
   */
  kind?: 'statutory' | 'contractual' | 'contract-prerequisite' | 'voluntary';
  consequences?: Text;
}
/**
 * A free clause for what the model does not hold. Give `after` (a section) or `afterClause` (any clause id).
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "Clause".
 */
export interface Clause {
  id: Id;
  /**
   * The section this clause is printed after (`end` for the end of the notice).
   */
  after?:
    | 'intro'
    | 'controller'
    | 'representative'
    | 'dpo'
    | 'jointControllers'
    | 'purposes'
    | 'categories'
    | 'sources'
    | 'legalBases'
    | 'recipients'
    | 'transfers'
    | 'retention'
    | 'automatedDecisions'
    | 'rights'
    | 'exercise'
    | 'complaints'
    | 'requirement'
    | 'end';
  afterClause?: IdRef;
  heading?: Text;
  appliesTo?: Text;
  text: Text;
}
/**
 * Translation reviews, one mapping per translated locale (every locale except `sourceLocale`), e.g. `en:`. A translation counts as reviewed while the source text still has the hash recorded here; once the source text changes, lint reports the translation as stale until it is reviewed again.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "TranslationReviews".
 */
export interface TranslationReviews {
  [k: string]: TranslationReview | undefined;
}
/**
 * The reviewed texts of one locale: text key -> hash of the source text the translation was reviewed against. A text key is the id of the clause holding the text and the field name, e.g. `support.description`, `contract.statement`, `controller.address.countryName`; texts of the notice itself have no clause id: `title`, `intro`, `phrases.legalBasis.citation`. Texts missing here have never been reviewed.
 *
 * This interface was referenced by `Notice`'s JSON-Schema
 * via the `definition` "TranslationReview".
 */
export interface TranslationReview {
  /**
   * The first 12 hexadecimal digits of the SHA-256 of the source-locale text (NFC, runs of white space collapsed to one space, trimmed) as it was when the translation was reviewed.
   */
  [k: string]: string | undefined;
}
