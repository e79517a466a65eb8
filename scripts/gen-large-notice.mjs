#!/usr/bin/env node
/**
 * Write two deterministic versions of a large notice, a.yaml and b.yaml, for timing `noticekit diff`.
 *
 *   node scripts/gen-large-notice.mjs --clauses 1000 --out /tmp/large
 *
 * The clauses are spread over the lists so that every list stays within the schema's maxItems.
 * b.yaml differs from a.yaml by a few dozen changes of every kind (added, removed, modified,
 * moved, renamed; material and editorial). The same arguments always give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';

const { values } = parseArgs({ options: { clauses: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '20260115' } } });
if (!values.out) {
  process.stderr.write('Usage: node scripts/gen-large-notice.mjs --clauses 1000 --out DIR [--seed N]\n');
  process.exit(2);
}
const target = Number(values.clauses);
if (!Number.isInteger(target) || target < 400 || target > 3000) {
  process.stderr.write('--clauses must be a whole number from 400 to 3000.\n');
  process.exit(2);
}

// mulberry32: a small seeded generator, so the output is the same on every machine.
let state = Number(values.seed) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(4, '0');

const EN = 'data account service request support record customer order payment contract message device report security quality analysis delivery invoice booking profile consent update review notice contact'.split(' ');
const DE = 'Daten Konto Dienst Anfrage Support Akte Kunde Bestellung Zahlung Vertrag Nachricht Gerät Bericht Sicherheit Qualität Analyse Lieferung Rechnung Buchung Profil Einwilligung Aktualisierung Prüfung Hinweis Kontakt'.split(' ');
function sentence(words, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(pick(words));
  const s = out.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}
const text = (n = 12) => ({ en: sentence(EN, n), de: sentence(DE, n) });

// Spread the clauses over the lists (fixed sections, then proportions within the schema limits).
const fixed = 10 + 10 + 4; // single sections (controller, dpo, transfers, ...), rights, safeguards
const rest = target - fixed;
const share = (part, max) => Math.max(1, Math.min(max, Math.round((rest * part) / 975)));
const nPurposes = share(160, 500);
const nSources = share(30, 200);
const nRecipients = share(100, 500);
const nDestinations = share(60, 300);
const nRetention = share(125, 500);
const nClauses = share(60, 200);
// Purposes alternate one and two legal bases; categories take what is left, so the total is exact.
const nBases = nPurposes + Math.floor(nPurposes / 2);
const nCategories = Math.max(1, Math.min(1000, rest - nPurposes - nBases - nSources - nRecipients - nDestinations - nRetention - nClauses));

const COUNTRIES = ['DE', 'FR', 'NL', 'IE', 'AT', 'SE', 'US', 'IN', 'BR', 'JP', 'CH', 'GB', 'CA', 'RS', 'SG', 'AU', 'ZA', 'MX', 'KR', 'NO'];
const MECHANISMS = ['scc', 'bcr', 'adequacy', 'certification'];
const BASES = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(f)'];
const RIGHTS = ['information', 'access', 'rectification', 'erasure', 'restriction', 'portability', 'object', 'withdraw-consent', 'complaint', 'automated-decisions'];
const PERIODS = ['P30D', 'P6M', 'P1Y', 'P2Y', 'P3Y', 'P10Y'];

const categories = Array.from({ length: nCategories }, (_, i) => ({ id: `category-${pad(i)}`, label: text(4), source: `source-${pad(i % nSources)}` }));
const sources = Array.from({ length: nSources }, (_, i) => ({ id: `source-${pad(i)}`, kind: i === 0 ? 'data-subject' : pick(['third-party', 'public', 'generated']), description: text(10) }));
const recipients = Array.from({ length: nRecipients }, (_, i) => ({ id: `recipient-${pad(i)}`, kind: pick(['processor', 'group-company', 'authority', 'controller']), description: text(14) }));
const purposes = Array.from({ length: nPurposes }, (_, i) => {
  const count = i % 2 === 0 ? 1 : 2;
  const legalBases = Array.from({ length: count }, (_, j) => ({ id: `basis-${pad(i)}-${j}`, gdpr: pick(BASES), statement: text(10) }));
  const purpose = { id: `purpose-${pad(i)}`, description: text(18), legalBases };
  if (legalBases.some((b) => b.gdpr === '6(1)(f)')) purpose.legitimateInterests = text(12);
  purpose.categories = [...new Set(Array.from({ length: 4 }, () => `category-${pad(Math.floor(random() * nCategories))}`))];
  purpose.recipients = [...new Set(Array.from({ length: 2 }, () => `recipient-${pad(Math.floor(random() * nRecipients))}`))];
  return purpose;
});
const safeguards = MECHANISMS.map((mechanism) => ({ id: `safeguard-${mechanism}`, mechanism, description: text(16), copy: text(8) }));
const destinations = Array.from({ length: nDestinations }, (_, i) => {
  const country = COUNTRIES[i % COUNTRIES.length];
  const d = { id: `destination-${pad(i)}`, country };
  if (!['DE', 'FR', 'NL', 'IE', 'AT', 'SE', 'NO'].includes(country)) {
    d.adequacy = ['JP', 'CH', 'GB', 'CA', 'KR', 'US'].includes(country);
    d.safeguard = d.adequacy ? 'safeguard-adequacy' : pick(['safeguard-scc', 'safeguard-bcr']);
  }
  d.recipients = [`recipient-${pad(i % nRecipients)}`];
  return d;
});
const rules = Array.from({ length: nRetention }, (_, i) => ({
  id: `retention-${pad(i)}`,
  period: pick(PERIODS),
  trigger: text(6),
  categories: [`category-${pad(i % nCategories)}`],
  purposes: [`purpose-${pad(i % nPurposes)}`],
}));
const clauses = Array.from({ length: nClauses }, (_, i) => ({ id: `clause-${pad(i)}`, after: pick(['purposes', 'recipients', 'retention', 'end']), heading: text(3), text: text(40) }));
const party = (id, email) => ({ id, name: `${id} of the Example Group`, address: { street: 'Examplestraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' }, contact: { email, post: true } });

const a = {
  id: 'large-notice',
  version: '1.0',
  effectiveDate: '2025-03-01',
  noticeType: 'both',
  locales: ['en', 'de'],
  sourceLocale: 'en',
  title: { en: 'Privacy notice of the Example Group', de: 'Datenschutzhinweise der Example Group' },
  intro: text(30),
  controller: { ...party('controller', 'privacy@example.com'), contactVia: ['controller', 'dpo'] },
  dpo: party('dpo', 'dpo@example.com'),
  purposes,
  categories,
  sources,
  recipients,
  transfers: { id: 'transfers', destinations, safeguards, statement: text(20) },
  retention: { id: 'retention', rules },
  automatedDecisions: { id: 'automated-decisions', exists: false, statement: text(12) },
  rights: {
    id: 'rights',
    intro: text(10),
    items: RIGHTS.map((right) => ({ id: `right-${right}`, right, text: text(20) })),
    exercise: { id: 'exercise', contactVia: ['controller', 'dpo'], contact: { email: 'requests@example.com' }, responseTime: 'P1M', freeOfCharge: true, identityCheck: text(20) },
  },
  complaints: { id: 'complaints', authority: { ...party('supervisory-authority', 'mailbox@authority.example') }, text: text(20) },
  requirement: { id: 'requirement', kind: 'contract-prerequisite', consequences: text(20) },
  clauses,
};

// b.yaml: a few dozen changes of every kind.
const b = structuredClone(a);
b.version = '2.0';
b.effectiveDate = '2026-01-15';
b.dpo.contact.email = 'data-protection-officer@example.com';
const bp = b.purposes;
for (let i = 0; i < 3; i++) {
  bp.push({ id: `new-purpose-${i}`, description: text(18), legalBases: [{ id: `new-basis-${i}`, gdpr: '6(1)(b)', statement: text(10) }], categories: ['category-0001'] });
}
bp.splice(bp.length - 6, 2); // two purposes removed
for (const i of [1, 5, 9, 13]) bp[i].legalBases[0].gdpr = bp[i].legalBases[0].gdpr === '6(1)(a)' ? '6(1)(b)' : '6(1)(a)';
for (const i of [1, 5, 9, 13]) if (bp[i].legalBases.every((l) => l.gdpr !== '6(1)(f)')) delete bp[i].legitimateInterests;
for (const i of [20, 21, 22]) bp[i].description.en = sentence(EN, 18); // rewording of the source: material
for (const i of [30, 31]) bp[i].description.de = sentence(DE, 18); // translation only
for (const i of [40, 41]) bp[i].description.en = bp[i].description.en.replace(/\.$/, '!'); // punctuation fix
const moved = bp.splice(50, 3);
bp.splice(10, 0, ...moved); // three purposes moved up
b.categories.push({ id: 'new-category-0', label: text(4) }, { id: 'new-category-1', label: text(4) }, { id: 'new-category-health', label: { en: 'Health data', de: 'Gesundheitsdaten' }, special: true });
for (const i of [3, 4]) {
  const old = b.categories[i].id;
  const renamed = `${old}-renamed`;
  b.categories[i].id = renamed;
  for (const p of bp) if (p.categories) p.categories = p.categories.map((c) => (c === old ? renamed : c));
  for (const r of b.retention.rules) if (r.categories) r.categories = r.categories.map((c) => (c === old ? renamed : c));
}
b.recipients.push({ id: 'new-recipient-0', kind: 'processor', description: text(14) }, { id: 'new-recipient-1', kind: 'controller', description: text(14) });
b.recipients[7].kind = b.recipients[7].kind === 'controller' ? 'processor' : 'controller';
b.transfers.destinations.push({ id: 'new-destination-0', country: 'CN', adequacy: false, safeguard: 'safeguard-scc' }, { id: 'new-destination-1', country: 'AE', adequacy: false, safeguard: 'safeguard-bcr' });
const adequate = b.transfers.destinations.find((d) => d.adequacy === true);
adequate.adequacy = false;
adequate.safeguard = 'safeguard-scc';
const longer = { P30D: 'P6M', P6M: 'P1Y', P1Y: 'P2Y', P2Y: 'P3Y', P3Y: 'P10Y', P10Y: 'P20Y' };
const shorter = { P30D: 'P14D', P6M: 'P3M', P1Y: 'P6M', P2Y: 'P1Y', P3Y: 'P2Y', P10Y: 'P6Y' };
for (const i of [2, 12]) b.retention.rules[i].period = longer[b.retention.rules[i].period];
for (const i of [22, 32]) b.retention.rules[i].period = shorter[b.retention.rules[i].period];
for (const i of [5, 6, 7]) b.clauses[i].text.en = b.clauses[i].text.en.replace(/\.$/, '!');
b.clauses[8].text.en = sentence(EN, 40); // reworded, German not updated: stale translation

mkdirSync(values.out, { recursive: true });
const header = (v) => `# Generated by scripts/gen-large-notice.mjs --clauses ${target} (version ${v}); do not edit.\n`;
writeFileSync(path.join(values.out, 'a.yaml'), header('a') + YAML.stringify(a, { lineWidth: 100 }));
writeFileSync(path.join(values.out, 'b.yaml'), header('b') + YAML.stringify(b, { lineWidth: 100 }));
let count = 0;
const countClauses = (v) => {
  if (Array.isArray(v)) v.forEach(countClauses);
  else if (v && typeof v === 'object') {
    if (typeof v.id === 'string') count++;
    Object.values(v).forEach(countClauses);
  }
};
countClauses(a);
process.stdout.write(`${path.join(values.out, 'a.yaml')}, ${path.join(values.out, 'b.yaml')}: ${count - 1} clauses\n`);
