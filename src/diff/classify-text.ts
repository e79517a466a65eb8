/**
 * Classify a changed text field: which texts are material or carry facts, and whether an edit
 * is a spelling fix, editorial, or a change of content, locale by locale.
 */
import type { ClassifyContext } from './classify-context.js';
import { clauseLabel, editWords, excerpt, quoteWords, spots, textOf } from './classify-words.js';
import type { FieldDelta } from './compare-fields.js';
import { countWords, isMinorEdit } from './diff-text.js';
import type { ClauseNode } from './index-clauses.js';
import type { FieldChange } from './types.js';
import { isJoiner } from '../notice/words.js';
import { judgeTextEdit, type TextJudgement } from './util-text-facts.js';

/** Texts whose rewording (beyond a spelling fix, in the source locale) is itself material. */
export function materialTextRule(node: ClauseNode, field: string): string | undefined {
  if (node.def === 'Purpose' && field === 'description') return 'purpose-changed';
  if (node.def === 'Purpose' && field === 'legitimateInterests') return 'legal-basis-changed';
  if (node.def === 'AutomatedDecisions' && (field === 'logic' || field === 'consequences') && node.value.exists === true) return 'automated-decision-changed';
  return undefined;
}

/** Texts whose appearance or disappearance is material. */
export function materialPresenceRule(node: ClauseNode, field: string): string | undefined {
  if (node.def === 'Purpose' && field === 'legitimateInterests') return 'legal-basis-changed';
  if (node.def === 'LegalBasis' && field === 'law') return 'legal-basis-changed';
  if (node.def === 'Exercise') return 'rights-exercise-changed';
  return materialTextRule(node, field);
}

/**
 * Texts that carry facts of their own: a change of words there may change what the notice says
 * (review), unless it is provably editorial. Keyed `Def.field`; `Def.*` for every text of a clause.
 */
const FACT_TEXTS = new Set([
  'Category.label',
  'Category.condition',
  'Source.description',
  'Recipient.description',
  'RetentionRule.trigger',
  'RetentionRule.criteria',
  'RetentionRule.law',
  'LegalBasis.law',
  'LegalBasis.statement',
  'Requirement.consequences',
  'Clause.text',
  'Exercise.*',
  'JointController.arrangement',
  'Transfers.statement',
  'Safeguard.description',
  'AutomatedDecisions.statement',
  'Complaints.text',
  'Right.text',
  // Whom a clause applies to, and the interests a transfer under Art. 49(1) second subparagraph serves.
  'Purpose.appliesTo',
  'LegalBasis.appliesTo',
  'RetentionRule.appliesTo',
  'Recipient.appliesTo',
  'Right.appliesTo',
  'Rights.appliesTo',
  'Transfers.appliesTo',
  'Clause.appliesTo',
  'Safeguard.compellingInterests',
  // A party's name as printed in one locale.
  'Controller.localName',
  'JointController.localName',
  'Party.localName',
  'Recipient.localName',
]);

/**
 * True when a text field carries facts (see {@link FACT_TEXTS}), or is one whose rewording is material.
 * @param def `$defs` name of the clause
 * @param field key path of the text inside the clause
 */
export function isFactText(def: string, field: string): boolean {
  return FACT_TEXTS.has(`${def}.${field}`) || FACT_TEXTS.has(`${def}.*`) || (def === 'Purpose' && (field === 'description' || field === 'legitimateInterests')) || (def === 'AutomatedDecisions' && (field === 'logic' || field === 'consequences'));
}

/** Labels whose list-like additions are reported as a widening. */
const LABELS = new Set(['Category.label']);

/** Classify a changed text field: spelling, editorial, or a change of content, locale by locale. */
export function classifyText(after: ClauseNode, delta: FieldDelta, ctx: ClassifyContext, base: FieldChange): FieldChange {
  const text = delta.text!;
  const field = delta.field.join('.');
  const label = after.def === 'Notice' ? field : `${clauseLabel(after)}: ${field}`;
  const src = ctx.sourceLocale;
  const facts = isFactText(after.def, field);
  const out: FieldChange = { ...base, locales: text.changed, words: text.words };
  if (delta.before === null || delta.after === null) {
    const how = delta.before === null ? 'added' : 'removed';
    out.rule = materialPresenceRule(after, field) ?? (facts ? 'text-changed' : 'wording');
    out.summary = `${label} ${how}`;
    const shown = textOf(delta.before ?? delta.after, src) ?? excerpt(delta.before ?? delta.after, src, 1000);
    if (facts && shown) {
      const j = judgeTextEdit(how === 'added' ? '' : shown, how === 'added' ? shown : '', text.words[src] ?? [], src);
      const named = how === 'added' ? j.newFacts : j.lostFacts;
      if (named.length > 0) out.summary = `${how === 'added' ? 'adds' : 'drops'} ${named.join(', ')} ${how === 'added' ? 'to' : 'from'} ${clauseLabel(after)} (${field}, ${src}); ${label} ${how}`;
    }
    return out;
  }
  // Judge every changed locale on its own: layout, a spelling fix, or a change of content.
  const judged = new Map<string, TextJudgement>();
  for (const l of text.changed) {
    const b = textOf(delta.before, l);
    const a = textOf(delta.after, l);
    if (b === undefined || a === undefined) continue;
    judged.set(l, judgeTextEdit(b, a, text.words[l] ?? [], l));
  }
  const editorialIn = (l: string) => {
    const j = judged.get(l);
    return j !== undefined && j.kind !== 'content';
  };
  const locales = text.changed.join(', ');
  if (!text.changed.includes(src)) {
    const content = text.changed.filter((l) => !editorialIn(l));
    const sourceText = textOf(delta.after, src);
    if ((facts || materialTextRule(after, field)) && content.length > 0) {
      out.rule = 'translation-changed';
      out.summary = `${label}: ${content.join(', ')} translation changed, ${src} unchanged (${content.map((l) => `${l}: ${editWords(judged.get(l) ?? emptyJudgement())}`).join('; ')}); check it against the ${src} text`;
      if (sourceText !== undefined) out.source = { locale: src, text: sourceText };
      return out;
    }
    out.rule = 'translation-only';
    out.summary = `${label}: ${locales} translation reworded (translation only; ${src} unchanged)`;
    if (facts && sourceText !== undefined) out.source = { locale: src, text: sourceText };
    return out;
  }
  const sourceWords = text.words[src] ?? [];
  const stale = text.same.filter((l) => l !== src);
  const staleNote = () => {
    if (stale.length > 0) {
      out.staleTranslations = stale;
      out.summary += `; ${stale.join(', ')} not updated`;
    }
  };
  if (text.changed.every(editorialIn) || (!facts && !materialTextRule(after, field) && isMinorEdit(sourceWords) && text.changed.every((l) => isMinorEdit(text.words[l] ?? []) && editorialIn(l)))) {
    out.rule = 'spelling';
    const kinds = text.changed.map((l) => judged.get(l)?.kind);
    const what = kinds.every((k) => k === 'layout') ? 'punctuation or letter case' : 'spelling or grammar fix';
    out.summary = `${label}: ${what} (${text.changed.map((l) => `${l}: ${spots(text.words[l] ?? [])}`).join('; ')})`;
    return out;
  }
  const material = materialTextRule(after, field);
  const counts = countWords(sourceWords);
  const renamed = !facts && !material ? partyNamesChanged(textOf(delta.before, src) ?? '', textOf(delta.after, src) ?? '', ctx) : [];
  if (renamed.length > 0) {
    out.rule = 'text-changed';
    out.summary = `${label} reworded and now names ${renamed.map((n) => `'${n}'`).join(', ')} differently (a controller or contact named in the notice)`;
    staleNote();
    return out;
  }
  if (material || !facts) {
    out.rule = material ?? 'wording';
    out.summary = `${label} reworded (${locales}; ${src}: ${counts.removed} ${counts.removed === 1 ? 'word' : 'words'} out, ${counts.added} in)`;
    const j = judged.get(src);
    if (material && j && (j.newFacts.length > 0 || j.lostFacts.length > 0 || j.kind === 'content')) out.summary += `: ${editWords(j)}`;
    staleNote();
    return out;
  }
  // A fact-bearing text whose content changed: a person must decide.
  const j = judged.get(src) ?? text.changed.map((l) => judged.get(l)).find((x) => x?.kind === 'content') ?? emptyJudgement();
  const where = `${clauseLabel(after)} (${field}, ${src})`;
  if (LABELS.has(`${after.def}.${field}`) && j.widening && (judged.get(src)?.kind ?? 'content') === 'content') {
    out.rule = 'text-widened';
    out.summary = `widens ${where}: adds ${quoteWords(j.added.filter((w) => !isJoiner(w, src)))}${j.newFacts.length > 0 ? ` (names ${j.newFacts.join(', ')})` : ''}`;
  } else {
    out.rule = 'text-changed';
    const lead = j.newFacts.length > 0 ? `adds ${j.newFacts.join(', ')} to ${where}` : j.lostFacts.length > 0 ? `drops ${j.lostFacts.join(', ')} from ${where}` : `${where} changed`;
    const rest = editWords({ ...j, newFacts: [], lostFacts: j.newFacts.length > 0 ? j.lostFacts : [] });
    out.summary = `${lead}${rest ? `: ${rest}` : ''}`;
  }
  staleNote();
  return out;
}

/**
 * Names of the controller, joint controllers, DPO and representative (either version) that one
 * text names and the other does not: a text without facts of its own that renames a party.
 */
function partyNamesChanged(before: string, after: string, ctx: ClassifyContext): string[] {
  const names = new Set<string>();
  for (const index of [ctx.from, ctx.to]) {
    for (const c of index.clauses) {
      if ((c.def === 'Controller' || c.def === 'JointController' || c.def === 'Party') && typeof c.value.name === 'string') names.add(c.value.name);
    }
  }
  const has = (text: string, name: string) => text.toLowerCase().includes(name.toLowerCase());
  return [...names].filter((n) => has(before, n) !== has(after, n));
}

function emptyJudgement(): TextJudgement {
  return { kind: 'content', added: [], removed: [], widening: false, newFacts: [], lostFacts: [] };
}
