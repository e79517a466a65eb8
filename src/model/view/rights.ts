/**
 * The sections on the data subject's position: automated decisions, rights and how to exercise
 * them, complaints, and whether the data must be provided.
 */
import type { Party } from '../notice.js';
import { formatDuration } from '../format.js';
import { endSentence, type ViewContext } from './context.js';
import type { Block } from './types.js';

/** Add the automated-decisions, rights, exercise, complaints and requirement sections. */
export function addRights(ctx: ViewContext): void {
  const { notice, t, p, esc, sep, add } = ctx;

  if (notice.automatedDecisions) {
    const a = notice.automatedDecisions;
    const blocks: Block[] = [{ type: 'paragraph', id: a.id, md: t(a.statement) ?? p(a.exists ? 'automatedDecisions.exists' : 'automatedDecisions.none', {}, a.id) }];
    if (t(a.logic)) blocks.push({ type: 'paragraph', md: p('automatedDecisions.logic', { text: t(a.logic) }, a.id) });
    if (t(a.consequences)) blocks.push({ type: 'paragraph', md: p('automatedDecisions.consequences', { text: t(a.consequences) }, a.id) });
    add('automatedDecisions', a.id, p('headings.automatedDecisions'), blocks);
  }

  const r = notice.rights;
  const items = r.items.map((item) => {
    // An item naming several rights takes each one's standard name and sentence, unless it has its
    // own; `dpo-contact` and `other` always have their own (the schema requires them).
    const named = [item.right, ...(item.also ?? [])];
    const title = t(item.title) ?? named.map((x) => p(`rights.${x}.title`)).join(sep);
    const text = t(item.text) ?? named.map((x) => p(`rights.${x}.text`)).join(' ');
    return { id: item.id, md: ctx.scoped(item.appliesTo, p('rights.item', { title: `**${title}**`, text }, item.id).replace(/\*\*\./, '.**')) };
  });
  add('rights', r.id, p('headings.rights'), [
    { type: 'paragraph', md: t(r.appliesTo) ?? '' },
    { type: 'paragraph', md: t(r.intro) ?? p('rights.intro') },
    { type: 'list', items },
  ]);

  const e = r.exercise;
  if (e) {
    const blocks: Block[] = [];
    const via = e.contactVia ?? [];
    const parties = via.map((v) => (v === 'representative' ? notice.representative : v === 'dpo' ? notice.dpo : undefined)).filter((x): x is Party => Boolean(x));
    const own = ctx.contactParts(e.contact);
    if (parties.length > 0 || own.length > 0) {
      blocks.push({ type: 'paragraph', id: e.id, md: endSentence(`${p('exercise.contact', {}, e.id)} ${[...parties.map(ctx.partyLine), ...own].join('; ')}`) });
    } else if (via.includes('controller')) blocks.push({ type: 'paragraph', id: e.id, md: p('exercise.contactController', {}, e.id) });
    if (e.freeOfCharge) blocks.push({ type: 'paragraph', md: p('exercise.free', {}, e.id) });
    if (t(e.fees)) blocks.push({ type: 'paragraph', md: t(e.fees)! });
    if (t(e.identityCheck)) blocks.push({ type: 'paragraph', md: p('exercise.identity', { text: t(e.identityCheck) }, e.id) });
    const response = [e.responseTime ? p('exercise.responseTime', { period: esc(formatDuration(e.responseTime, ctx.locale)) }, e.id) : undefined, t(e.extension)].filter(Boolean).join(' ');
    if (response) blocks.push({ type: 'paragraph', md: response });
    if (t(e.text)) blocks.push({ type: 'paragraph', md: t(e.text)! });
    add('exercise', e.id, p('headings.exercise'), blocks);
  }

  if (notice.complaints) {
    const c = notice.complaints;
    const blocks: Block[] = [];
    if (t(c.text)) blocks.push({ type: 'paragraph', id: c.id, md: t(c.text)! });
    if (c.authority) blocks.push({ type: 'paragraph', id: c.authority.id, md: p('complaints.authority', { authority: ctx.partyLine(c.authority) }, c.authority.id) });
    add('complaints', c.id, p('headings.complaints'), blocks);
  }

  if (notice.requirement) {
    const q = notice.requirement;
    const blocks: Block[] = q.kind ? [{ type: 'paragraph', id: q.id, md: p(`requirement.${q.kind}`, {}, q.id) }] : [];
    if (t(q.consequences)) blocks.push({ type: 'paragraph', md: p('requirement.consequences', { text: t(q.consequences) }, q.id) });
    add('requirement', q.id, p('headings.requirement'), blocks);
  }
}
