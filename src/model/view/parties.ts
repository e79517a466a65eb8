/**
 * The controller section of a notice's view (with its representative and DPO) and the joint
 * controllers.
 */
import { formatOr } from '../format.js';
import { endSentence, type ViewContext } from './context.js';
import type { Block } from './types.js';

/** Add the controller section (controller, representative, DPO) and the joint controllers. */
export function addParties(ctx: ViewContext): void {
  const { notice, t, p, esc, sep, add } = ctx;
  const c = notice.controller;
  const quote = (s: string) => p('quote', { text: esc(s) });
  const aliases = c.aliases?.length ? formatOr([...c.aliases.map(quote), p('quote', { text: p('controller.we') })], ctx.locale) : undefined;
  const key = c.address ? (aliases ? 'controller.identityWithAliases' : 'controller.identity') : aliases ? 'controller.nameWithAliases' : 'controller.name';
  const blocks: Block[] = [{ type: 'paragraph', id: c.id, md: p(key, { name: ctx.nameOf(c), address: ctx.address(c.address, c.id), aliases }, c.id) }];
  const contacts = ctx.contactParts(c.contact);
  if (contacts.length > 0) blocks.push({ type: 'paragraph', md: p('controller.contact', { contact: contacts.join(sep) }, c.id) });
  if (t(c.note)) blocks.push({ type: 'paragraph', md: t(c.note)! });
  for (const [party, phrase] of [
    [notice.representative, 'representative.contact'],
    [notice.dpo, 'dpo.contact'],
  ] as const) {
    if (!party) continue;
    blocks.push({ type: 'paragraph', id: party.id, md: endSentence(`${p(phrase, {}, party.id)} ${ctx.partyLine(party)}`) });
    if (t(party.note)) blocks.push({ type: 'paragraph', md: t(party.note)! });
  }
  add('controller', c.id, p('headings.controller'), blocks);

  if (notice.jointControllers?.length) {
    add('jointControllers', 'joint-controllers', p('headings.jointControllers'), [
      { type: 'paragraph', md: p('jointControllers.intro') },
      { type: 'list', items: notice.jointControllers.map((j) => ({ id: j.id, md: `${endSentence(ctx.partyLine(j))} ${t(j.arrangement) ?? ''}`.trim() })) },
    ]);
  }
}
