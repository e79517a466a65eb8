/**
 * The classification table: every rule that decides whether a change is material (must be actively
 * communicated to data subjects, DOMAIN.md section 4 / WP260 rev.01 paras 29-31), needs a person's
 * review (it may change what the notice says), or is editorial (provably no change of meaning).
 * Order matters: when one clause has several changed fields, the first rule in this table names it.
 */

/**
 * The class of a change: `material` (data subjects must be told, WP260 rev.01 paras 29-31),
 * `review` (a person must decide: the change may alter what the notice says about processing),
 * `editorial` (provably no change of meaning).
 */
export type ChangeClass = 'material' | 'review' | 'editorial';

/** One classification rule. */
export interface Rule {
  /** Stable id, printed in reports and usable in tests, e.g. `new-purpose`. */
  id: string;
  /** The class of a change under this rule. */
  class: ChangeClass;
  /** True when a change under this rule must be communicated to data subjects (`class` is `material`). */
  material: boolean;
  /** Class printed with the change: the topic for material rules, the editorial kind otherwise. */
  category: string;
  /** What triggers the rule, in plain words (for docs/diff.md and `--help`). */
  trigger: string;
  /** Why the change is (or is not) material. */
  reason: string;
}

const WP260 = 'WP260 rev.01 (paras 29-31, endorsed by the EDPB)';

/** Every classification rule, material first, then review, then editorial, in order of precedence. */
export const RULES: readonly Rule[] = [
  {
    id: 'controller-identity',
    class: 'material',
    material: true,
    category: 'controller',
    trigger: "The controller's name or establishment address changes, or a joint controller is added, removed or renamed.",
    reason: `${WP260} names a change to the identity of the controller as a change that must always be communicated to data subjects.`,
  },
  {
    id: 'new-purpose',
    class: 'material',
    material: true,
    category: 'purpose',
    trigger: 'A purpose is added, together with its legal bases.',
    reason: `${WP260}: a change of processing purpose must always be communicated, and a new purpose needs the information before that processing starts (Art. 13(3), 14(4) GDPR).`,
  },
  {
    id: 'purpose-changed',
    class: 'material',
    material: true,
    category: 'purpose',
    trigger: 'The description of a purpose is reworded in the source language beyond a spelling fix, or the purpose now uses more data categories.',
    reason: `${WP260}: a change of processing purpose must always be communicated to data subjects.`,
  },
  {
    id: 'legal-basis-changed',
    class: 'material',
    material: true,
    category: 'legal-basis',
    trigger: 'A legal basis of an existing purpose changes, is added or removed; the legitimate interests or the named law are added or removed, or the legitimate interests are reworded.',
    reason: `${WP260}: changes with real impact on data subjects must be communicated; another legal basis changes their rights (consent can be withdrawn, objection applies or not, portability).`,
  },
  {
    id: 'special-category',
    class: 'material',
    material: true,
    category: 'data',
    trigger: 'Special-category data (Art. 9) or criminal-offence data (Art. 10) are added, or an existing category becomes one.',
    reason: `${WP260}: processing data that need special protection has real impact on data subjects and would surprise them.`,
  },
  {
    id: 'new-data-category',
    class: 'material',
    material: true,
    category: 'data',
    trigger: 'A category of personal data is added.',
    reason: `${WP260}: processing more kinds of personal data has real impact on data subjects and could surprise them.`,
  },
  {
    id: 'new-source',
    class: 'material',
    material: true,
    category: 'data',
    trigger: 'A source other than the data subject is added, a source changes kind, or a category now comes from another source.',
    reason: `${WP260}: data obtained from somewhere new would surprise data subjects (Art. 14(2)(f) GDPR).`,
  },
  {
    id: 'new-recipient',
    class: 'material',
    material: true,
    category: 'recipients',
    trigger: 'A recipient or category of recipients is added.',
    reason: `${WP260} names new or different categories of recipients as a change that must be communicated.`,
  },
  {
    id: 'wider-recipients',
    class: 'material',
    material: true,
    category: 'recipients',
    trigger: 'A recipient changes kind or name, or a purpose names more recipients (or no longer limits them).',
    reason: `${WP260} names new or wider categories of recipients as a change that must be communicated.`,
  },
  {
    id: 'new-transfer',
    class: 'material',
    material: true,
    category: 'transfers',
    trigger: 'A destination outside the EEA (or an international organisation) is added, a destination moves outside the EEA, or more recipients receive data there.',
    reason: `${WP260} names new transfers to third countries as a change that must be communicated (Art. 13(1)(f), 14(1)(f) GDPR).`,
  },
  {
    id: 'weaker-safeguard',
    class: 'material',
    material: true,
    category: 'transfers',
    trigger: 'A destination outside the EEA loses its adequacy statement or its safeguard, or its transfer tool becomes weaker (adequacy > BCR, SCC, public-body instruments > code of conduct, certification > ad hoc clauses, administrative arrangements > Art. 49 derogation).',
    reason: `${WP260}: less protection for data abroad has real impact on data subjects and must be communicated.`,
  },
  {
    id: 'retention-extended',
    class: 'material',
    material: true,
    category: 'retention',
    trigger: 'A storage period becomes longer or loses its fixed period, a retention rule is added, or a rule covers more categories or purposes.',
    reason: `${WP260}: keeping data longer has real impact on data subjects and would surprise them.`,
  },
  {
    id: 'rights-exercise-changed',
    class: 'material',
    material: true,
    category: 'rights',
    trigger: 'How rights are exercised changes: the exercise section (channels, response time, fees, an identity-check or fee text added or removed), the contact details of the controller, DPO, EU representative or supervisory authority, or which rights are listed.',
    reason: `${WP260} names a change in how data subjects can exercise their rights as a change that must always be communicated.`,
  },
  {
    id: 'new-automated-decision',
    class: 'material',
    material: true,
    category: 'automated-decisions',
    trigger: 'Automated decision-making (Art. 22) starts: `exists` becomes true, or the section is added with `exists: true`.',
    reason: `${WP260}: a new solely automated decision with legal or similar effects has real impact on data subjects and would surprise them.`,
  },
  {
    id: 'automated-decision-changed',
    class: 'material',
    material: true,
    category: 'automated-decisions',
    trigger: 'The logic or the consequences of existing automated decision-making change (added, removed or reworded in the source language beyond a spelling fix).',
    reason: `${WP260}: a change in the logic or effects of automated decisions has real impact on data subjects.`,
  },
  {
    id: 'requirement-changed',
    class: 'material',
    material: true,
    category: 'requirement',
    trigger: 'Whether the data must be provided changes (statutory, contractual, contract prerequisite, voluntary).',
    reason: `${WP260}: whether people must provide their data has real impact on them (Art. 13(2)(e) GDPR).`,
  },
  {
    id: 'text-widened',
    class: 'review',
    material: false,
    category: 'widening',
    trigger: 'A data category label gains list items in the source language (new words after a comma or a conjunction), so it may now cover more data.',
    reason: `A label that names more kinds of data may mean more data is processed (${WP260}: more data is a change with real impact); a person must decide whether the category itself is wider.`,
  },
  {
    id: 'text-changed',
    class: 'review',
    material: false,
    category: 'text',
    trigger:
      'Words are added to or removed from a text that carries facts (a category label or condition, a recipient or source description, retention criteria, trigger or law, a named law, requirement consequences, the rights-request texts, a joint-controller arrangement, a transfer or safeguard text, a free clause), or a small edit there changes a digit, date, amount, duration, negation, modal, e-mail, URL, country or organisation name; a free clause is added or removed; any other text now names the controller, a joint controller, the DPO or the representative differently.',
    reason: `The text may change what the notice says about processing: a person must decide whether it is a change ${WP260} requires to be communicated.`,
  },
  {
    id: 'translation-changed',
    class: 'review',
    material: false,
    category: 'translation',
    trigger: 'Only a translation of a text that carries facts changed, with words added, removed or replaced; the source-language text is the same.',
    reason: 'Readers of that language are told something new; a person must check the translation against the source-language text, printed beside it.',
  },
  {
    id: 'narrowing',
    class: 'editorial',
    material: false,
    category: 'narrowing',
    trigger: 'Something removed, reduced or shortened: fewer purposes, data, recipients or transfers, a shorter period, a stronger adequacy statement, automated decisions stopped.',
    reason: `Less processing than before: not among the changes ${WP260} requires to be actively communicated; telling data subjects is still good practice.`,
  },
  {
    id: 'eea-destination',
    class: 'editorial',
    material: false,
    category: 'transfers',
    trigger: 'A destination inside the EEA is added or changed.',
    reason: 'Processing inside the EEA is no third-country transfer under Chapter V GDPR.',
  },
  {
    id: 'safeguard-not-weaker',
    class: 'editorial',
    material: false,
    category: 'transfers',
    trigger: 'A transfer safeguard is added, or replaced by one at least as strong.',
    reason: 'Protection for data abroad stays the same or improves.',
  },
  {
    id: 'wording',
    class: 'editorial',
    material: false,
    category: 'wording',
    trigger: 'Text reworded where the text carries no facts of its own: the title, the introduction, headings, notes, the rights introduction and right titles, a safeguard copy location, phrase overrides.',
    reason: `${WP260}: stylistic changes are not material; these texts hold no processing facts of their own (those are structured fields and fact-bearing texts checked by the rules above).`,
  },
  {
    id: 'spelling',
    class: 'editorial',
    material: false,
    category: 'spelling',
    trigger:
      'Only white space, punctuation, letter case, an article, or a spelling fix (each spot at most two words, at most two characters apart) that changes no digit, date, amount, duration, negation, modal, e-mail, URL, country or organisation name.',
    reason: `${WP260}: spelling, stylistic or grammatical corrections are not material.`,
  },
  {
    id: 'translation-only',
    class: 'editorial',
    material: false,
    category: 'translation',
    trigger: 'Only a translation changed, and either only as a spelling fix or in a text that carries no facts; the source-language text is the same.',
    reason: 'The source text, which the translations render, is unchanged; the processing described is the same.',
  },
  {
    id: 'reference',
    class: 'editorial',
    material: false,
    category: 'reference',
    trigger: 'A reference changed only to follow a renamed clause.',
    reason: 'The referenced clause is the same; only its id changed.',
  },
  {
    id: 'order',
    class: 'editorial',
    material: false,
    category: 'order',
    trigger: 'A clause moved, or a list was reordered.',
    reason: 'Moving a clause changes nothing about the processing.',
  },
  {
    id: 'rename',
    class: 'editorial',
    material: false,
    category: 'rename',
    trigger: "A clause's id changed; its content is the same or nearly so.",
    reason: 'Ids are internal; readers do not see them.',
  },
  {
    id: 'metadata',
    class: 'editorial',
    material: false,
    category: 'metadata',
    trigger: 'Version, effective date, notice id or type, locales, DPV annotations.',
    reason: 'Metadata of the notice itself, not a change of processing.',
  },
];

/** Rule ids. */
export type RuleId = (typeof RULES)[number]['id'];

const BY_ID = new Map(RULES.map((r, i) => [r.id, { rule: r, rank: i }]));

/**
 * Look a rule up.
 * @param id a rule id from {@link RULES}
 */
export function rule(id: string): Rule {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown diff rule '${id}'.`);
  return found.rule;
}

/**
 * The rule that names a change made of several field changes: the first in table order.
 * @param ids rule ids of the fields
 */
export function leadingRule(ids: readonly string[]): Rule {
  let best: { rule: Rule; rank: number } | undefined;
  for (const id of ids) {
    const found = BY_ID.get(id);
    if (!found) throw new Error(`Unknown diff rule '${id}'.`);
    if (!best || found.rank < best.rank) best = found;
  }
  if (!best) throw new Error('No rule to lead a change.');
  return best.rule;
}
