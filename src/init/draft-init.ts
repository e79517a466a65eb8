/**
 * The notice `noticekit init` writes: exactly the answers, nothing else. Where the schema requires
 * a field nobody answered, the field is left empty at its place with a TODO naming it, so that
 * `noticekit validate` stops there and nowhere else; a section the schema does not require
 * (recipients, retention, complaints, ...) is left out, and `noticekit lint` reports it.
 */
import type { Draft, Todo } from '../import/draft-yaml.js';
import type { Answers } from './questions.js';

/** The comment line under the modeline of a notice made by init. */
export const INIT_HEADER = 'Made by `noticekit init` from your answers: fill in every TODO, then run `noticekit validate` and `noticekit lint`.';

/** A draft notice holding the answers, with a TODO at every required place they leave empty. */
export function draftFromAnswers(a: Answers): Draft {
  const todos: Todo[] = [];
  const data: Record<string, unknown> = { id: a.id };
  const field = (key: string, value: string | undefined, todo: string) => {
    data[key] = value ?? '';
    if (value === undefined) todos.push({ path: [key], message: todo });
  };
  field('version', a.version, 'the version of this notice, such as "1.0"');
  field('effectiveDate', a.effectiveDate, 'the date from which this version applies (YYYY-MM-DD)');
  field('noticeType', a.noticeType, 'art13 if the data come from the person, art14 if from elsewhere, both for both');
  data.locales = a.locales;
  data.sourceLocale = a.sourceLocale;

  // Every locale needs the title; only the source language's was answered (if at all).
  const title: Record<string, string> = {};
  for (const l of [a.sourceLocale, ...a.locales.filter((l) => l !== a.sourceLocale)]) {
    title[l] = l === a.sourceLocale ? (a.title ?? '') : '';
    if (!title[l]) todos.push({ path: ['title', l], message: l === a.sourceLocale || a.title === undefined ? `the title of the notice in ${l}` : `the title in ${l} (a translation of the ${a.sourceLocale} title)` });
  }
  data.title = title;

  const controller: Record<string, unknown> = { id: 'controller', name: a.controller };
  if (a.country) controller.address = { country: a.country };
  controller.contact = a.email ? { email: a.email } : {};
  data.controller = controller;
  if (a.country) todos.push({ path: ['controller', 'address'], message: "the rest of the controller's postal address (street, postalCode, city), if the notice gives it" });
  if (!a.email) todos.push({ path: ['controller', 'contact'], message: 'how to contact the controller: email, phone or web' });

  data.purposes = [];
  todos.push({ path: ['purposes'], message: 'the purposes of the processing, each with its legal basis (gdpr: 6(1)(a)-(f), 9(2)(a)-(j))' });
  data.categories = [];
  todos.push({ path: ['categories'], message: 'the categories of personal data processed' });
  data.rights = { id: 'rights', items: [] };
  todos.push({ path: ['rights', 'items'], message: 'the rights that apply, such as access, rectification, erasure' });
  todos.push({ path: [], message: 'the notice does not say yet: recipients, transfers, retention, complaints, sources, dpo; add what it states (see README "Writing a notice"), and `noticekit lint` reports what Art. 13/14 require' });
  return { data, todos };
}
