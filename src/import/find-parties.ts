/**
 * The parties a source names with an address (controller, DPO, representative), and the
 * controller the draft takes from them.
 */
import { blockText, type Segment } from './draft-parts.js';
import type { Todo } from './draft-yaml.js';
import { countries, DPO_SENTENCE, emails, organisationName, phones, type SectionKind } from './recognise.js';

/** A party found in the source: a legal name, and its address and contact if they follow it. */
interface FoundParty {
  role: 'controller' | 'dpo' | 'representative';
  name: string;
  address?: Record<string, string>;
  email?: string;
  phone?: string;
  /** The text around it (for the TODO). */
  context: string;
}

const REPRESENTATIVE_SENTENCE = /representative|vertreter|pārstāvi/iu;

/**
 * Parties named with an address: a legal name followed (in the same paragraph, or in a run of
 * short address lines) by a postal code and town.
 */
export function findParties(segments: readonly Segment[], locale: string): FoundParty[] {
  const runs: { lines: string[]; context: string; kind?: SectionKind }[] = [];
  for (const s of segments) {
    let run: string[] = [];
    let context = '';
    let previous = '';
    const close = () => {
      if (run.length > 0) runs.push({ lines: run, context: `${previous} ${context}`, kind: s.kind });
      run = [];
      context = '';
    };
    for (const b of s.blocks) {
      if (b.kind !== 'paragraph') {
        close();
        continue;
      }
      const short = b.text.length <= 80 && b.lines.length === 1 && !/[!?:]$/.test(b.text) && (!/\.$/.test(b.text) || organisationName(b.text) !== undefined);
      if (short) {
        run.push(...b.lines);
        context += ` ${b.text}`;
        continue;
      }
      close();
      runs.push({ lines: b.lines, context: `${previous} ${b.text}`, kind: s.kind });
      previous = b.text;
    }
    close();
  }
  const parties: FoundParty[] = [];
  for (const r of runs) {
    const tokens = r.lines.flatMap((l) => l.split(/,\s+(?!(?:Inc|Ltd|LLC|GmbH|AG|S\.A\.)\b)|:\s+/)).map((t) => t.replace(/[,;]$/, '').trim()).filter(Boolean);
    const at = tokens.findIndex((t) => organisationName(t) && t.length <= organisationName(t)!.length + 60);
    if (at < 0) continue;
    // 60486 Frankfurt / D-60486 Frankfurt / LV-1010 Rīga, or US style: New Hope, PA 18938
    let postal = -1;
    let address: Record<string, string> | undefined;
    for (let i = at + 1; i < tokens.length && i <= at + 5; i++) {
      const eu = /^(?:[A-Z]{1,2}[- ])?(\d{3,5}(?:[- ]\d{2,4})?)\s+(\p{L}.*)$/u.exec(tokens[i]!);
      const us = /^([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(tokens[i]!);
      if (eu && !/\d|\b(Ave|Avenue|Street|St\.|Road|Rd\.|Drive|Blvd|Way|Court|Lane)\b/.test(eu[2]!) && eu[2]!.split(' ').length <= 4) {
        postal = i;
        const street = tokens.slice(at + 1, i).join(', ');
        address = { ...(street ? { street } : {}), postalCode: eu[1]!, city: eu[2]!.trim() };
      } else if (us && i - 1 > at) {
        postal = i;
        const street = tokens.slice(at + 1, i - 1).join(', ');
        address = { ...(street ? { street } : {}), postalCode: us[2]!, city: tokens[i - 1]!, region: us[1]! };
      }
      if (postal >= 0) break;
    }
    if (!address) continue;
    const country = tokens.slice(postal, postal + 3).map((t) => countries(t, locale)[0]).find(Boolean);
    if (country) address.country = country;
    // The paragraph's own words decide first, then the sentence before it ("Our DPO can be reached at:").
    const roleOf = (t: string) => (DPO_SENTENCE.test(t) ? 'dpo' : REPRESENTATIVE_SENTENCE.test(t) && /\b27\b/.test(t) ? 'representative' : undefined);
    const own = r.lines.join(' ');
    const role = roleOf(own) ?? roleOf(r.context.slice(0, r.context.length - own.length)) ?? (r.kind === 'dpo' ? 'dpo' : 'controller');
    // Contact details often follow the address in the next paragraph.
    const next = runs[runs.indexOf(r) + 1];
    const text = `${r.lines.join(' ')} ${next && next.context.length < 400 ? next.lines.join(' ') : ''}`;
    parties.push({ role, name: organisationName(tokens[at]!)!, address, email: emails(text)[0], phone: phones(text)[0], context: r.context.trim() });
  }
  return parties;
}

/** Find the controller's name, address and contact (and a DPO and EU representative) in the source. */
export function findController(segments: readonly Segment[], locale: string): { data: Record<string, unknown>; parties: Record<string, unknown>; todos: Todo[] } {
  const todos: Todo[] = [];
  const parties = findParties(segments, locale);
  const inController = (s: Segment) => s.kind === 'controller';
  const controllerText = segments.filter(inController).flatMap((s) => s.blocks.map(blockText)).join(' ');
  // The controller: a party in a contact or controller section, else the one the text names most.
  const all = segments.flatMap((s) => s.blocks.map(blockText)).join(' ');
  const mentions = (p: FoundParty) => all.split(p.name.replace(/,?\s\S+$/, '')).length;
  const candidates = parties.filter((p) => p.role === 'controller');
  const found = candidates.find((p) => segments.some((s) => inController(s) && s.blocks.some((b) => p.context.includes(blockText(b).slice(0, 40))))) ?? candidates.sort((a, b) => mentions(b) - mentions(a))[0];
  const contact: Record<string, string> = {};
  const email = found?.email ?? emails(controllerText)[0];
  const phone = found?.phone ?? phones(controllerText)[0];
  if (email) contact.email = email;
  if (phone) contact.phone = phone;
  if (!found) {
    todos.push({ path: ['controller', 'name'], message: "the controller's legal name (not found with an address in the source)" });
    todos.push({ path: ['controller', 'address'], message: "the controller's postal address (not found in the source)" });
  } else if (!found.address?.country) todos.push({ path: ['controller', 'address', 'country'], message: "the controller's country as a two-letter ISO code (the source gives none)" });
  if (!email && !phone) todos.push({ path: ['controller', 'contact'], message: 'how to contact the controller: email, phone or web' });
  const others: Record<string, unknown> = {};
  for (const role of ['representative', 'dpo'] as const) {
    const p = parties.find((x) => x.role === role);
    if (!p) continue;
    const c: Record<string, string> = {};
    if (p.email) c.email = p.email;
    if (p.phone) c.phone = p.phone;
    others[role] = { id: role, name: p.name, ...(p.address?.country ? { address: p.address } : {}), ...(Object.keys(c).length ? { contact: c } : {}) };
    if (!p.address?.country) todos.push({ path: [role, 'name'], message: `the ${role === 'dpo' ? "data protection officer's" : "representative's"} address (the source gives ${p.address ? `"${[p.address.street, p.address.postalCode, p.address.city].filter(Boolean).join(', ')}" without a country` : 'none'})` });
  }
  if (!others.dpo) {
    const dpo = segments.flatMap((s) => s.blocks).find((b) => b.kind === 'paragraph' && DPO_SENTENCE.test(b.text));
    if (dpo) todos.push({ path: ['controller', 'id'], message: `the source mentions a data protection officer ("${blockText(dpo).slice(0, 100)}${blockText(dpo).length > 100 ? '…' : ''}"): add dpo: with name and contact` });
  }
  const address = found?.address ? { ...found.address, country: found.address.country ?? '' } : { country: '' };
  return { data: { id: 'controller', name: found?.name ?? '', address, contact }, parties: others, todos };
}
