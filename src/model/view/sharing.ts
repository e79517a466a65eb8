/**
 * The sections on who gets the data: recipients (a table of kind and recipient, or a list) and
 * transfers (destinations inside and outside the EEA with their safeguards).
 */
import { countryName } from '../format.js';
import { isEea } from '../../data/eea.js';
import { withLayout, type ViewContext } from './context.js';
import type { Block, ListItem } from './types.js';

/** Add the recipients and transfers sections. */
export function addSharing(ctx: ViewContext): void {
  const { notice, t, p, esc, sep, locale, add } = ctx;
  const layoutOf = (section: 'recipients' | 'transfers') => notice.layouts?.[section] ?? notice.layout;

  if (notice.recipients) {
    const r = notice.recipients;
    const who = (x: (typeof r)[number]) => ctx.scoped(x.appliesTo, [x.name && `**${ctx.nameOf({ name: x.name, localName: x.localName })}**`, t(x.description)].filter(Boolean).join(' '));
    const blocks: Block[] =
      r.length === 0
        ? [{ type: 'paragraph', md: p('recipients.none') }]
        : [
            { type: 'paragraph', md: p('recipients.intro') },
            {
              type: 'table',
              head: [p('recipient.column.kind'), p('recipient.column.recipient')],
              // A recipient whose kind the notice does not state has an empty kind cell.
              rows: r.map((x) => ({ id: x.id, cells: [x.kind ? p(`recipient.kinds.${x.kind}`) : '', who(x)] })),
              fallback: r.map((x) => ({ id: x.id, md: who(x) })),
            },
          ];
    add('recipients', 'recipients', p('headings.recipients'), blocks.map((b) => withLayout(b, layoutOf('recipients'))));
  }

  if (notice.transfers) {
    const tr = notice.transfers;
    const name = (d: (typeof tr.destinations)[number]) => (d.country ? esc(countryName(d.country, locale, 'short')) : esc(d.organisation ?? d.id));
    const inside = tr.destinations.filter((d) => d.country && isEea(d.country));
    const outside = tr.destinations.filter((d) => !(d.country && isEea(d.country)));
    const list = (ds: typeof inside) => ds.map(name).join(sep);
    const split = inside.length && outside.length ? p('transfers.split', { inside: list(inside), outside: list(outside) }) : inside.length ? p('transfers.insideOnly', { inside: list(inside) }) : p('transfers.outsideOnly', { outside: list(outside) });
    const blocks: Block[] = [
      { type: 'paragraph', md: t(tr.appliesTo) ?? '' },
      { type: 'paragraph', id: tr.id, md: `${t(tr.statement) ?? p('transfers.intro', {}, tr.id)} ${split}` },
    ];
    const safeguardName = new Map<string, string>();
    for (const s of tr.safeguards ?? []) {
      if (s.derogation === '49(1)-second') safeguardName.set(s.id, p('safeguard.compellingInterests', {}, s.id));
      else if (s.mechanism) safeguardName.set(s.id, p(`safeguard.${s.mechanism}`, { derogation: s.derogation, citation: s.derogation && ctx.citationOf(s.derogation, s.id) }, s.id));
      const description = t(s.description);
      if (description) blocks.push({ type: 'paragraph', id: s.id, md: description });
      // Art. 49(1), second subparagraph: the compelling legitimate interests, in the notice's words.
      const interests = t(s.compellingInterests);
      if (interests) blocks.push({ type: 'paragraph', id: description ? undefined : s.id, md: interests });
      const copy = t(s.copy);
      if (copy && !(description ?? '').includes(copy)) blocks.push({ type: 'paragraph', md: p('transfers.copy', { copy }, s.id) });
    }
    const items: ListItem[] = (tr.safeguards ?? [])
      .map((s) => ({ s, ds: tr.destinations.filter((d) => d.safeguard === s.id) }))
      .filter(({ s, ds }) => ds.length > 0 && safeguardName.has(s.id))
      .map(({ s, ds }) => ({ md: p('transfers.safeguardFor', { safeguard: safeguardName.get(s.id), destinations: ds.map(name).join(sep) }) }));
    const yesNo = (v: boolean | undefined) => (v === undefined ? p('transfers.notStated') : v ? p('transfers.yes') : p('transfers.no'));
    blocks.push({
      type: 'table',
      head: [p('transfers.column.destination'), p('transfers.column.area'), p('transfers.column.adequacy'), p('transfers.column.safeguard')],
      rows: tr.destinations.map((d) => ({
        id: d.id,
        cells: [d.country ? esc(countryName(d.country, locale)) : name(d), d.country && isEea(d.country) ? p('transfers.eea') : p('transfers.outsideEea'), d.country && isEea(d.country) ? '' : yesNo(d.adequacy), d.safeguard ? (safeguardName.get(d.safeguard) ?? '') : ''],
      })),
      fallback: items,
    });
    add('transfers', tr.id, p('headings.transfers'), blocks.map((b) => withLayout(b, layoutOf('transfers'))));
  }
}
