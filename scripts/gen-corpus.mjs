#!/usr/bin/env node
// Generate a corpus of valid, deterministic notices shaped like notices/kaspersky-technical-support.yaml,
// for benchmarks and bulk tests.
//
//   node scripts/gen-corpus.mjs --count 1000 --out bench/corpus [--seed 1]
//
// Each notice gets a unique id (notice-0001, ...), 2-3 locales drawn from en/lv/de, and varied
// numbers of purposes, categories, sources, recipients, destinations, safeguards, retention rules,
// rights and free clauses, with texts from a few words to a few hundred. The same seed always gives
// the same bytes. Self-contained on purpose (node: built-ins and the `yaml` package only) so a
// benchmark can run it without building the project.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';

const USAGE = 'Usage: node scripts/gen-corpus.mjs --count N --out DIR [--seed S]';

/** Small, fast, seedable PRNG (mulberry32); returns floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = {
  en: 'data personal processing purpose support customer service request contract consent record account order payment invoice address email phone device licence product website app analysis security quality improvement storage period deletion access right provider group company partner authority law obligation legitimate interest transfer country safeguard clause information user contact time date content session file location name number identity verification fraud prevention marketing newsletter statistics backup audit complaint'.split(' '),
  lv: 'dati personas apstrāde mērķis atbalsts klients pakalpojums pieprasījums līgums piekrišana ieraksts konts pasūtījums maksājums rēķins adrese e-pasts tālrunis ierīce licence produkts tīmekļa vietne lietotne analīze drošība kvalitāte uzlabošana glabāšana periods dzēšana piekļuve tiesības sniedzējs grupa uzņēmums partneris iestāde likums pienākums leģitīmās intereses pārsūtīšana valsts aizsardzība klauzula informācija lietotājs saziņa laiks datums saturs sesija fails atrašanās vārds numurs identitāte pārbaude krāpšana novēršana mārketings statistika dublējums revīzija sūdzība'.split(' '),
  de: 'Daten personenbezogen Verarbeitung Zweck Unterstützung Kunde Dienst Anfrage Vertrag Einwilligung Aufzeichnung Konto Bestellung Zahlung Rechnung Anschrift E-Mail Telefon Gerät Lizenz Produkt Website App Auswertung Sicherheit Qualität Verbesserung Speicherung Frist Löschung Zugang Recht Anbieter Konzern Unternehmen Partner Behörde Gesetz Pflicht berechtigtes Interesse Übermittlung Land Garantie Klausel Information Nutzer Kontakt Zeit Datum Inhalt Sitzung Datei Standort Name Nummer Identität Prüfung Betrug Vorbeugung Werbung Newsletter Statistik Sicherung Prüfung Beschwerde größer übrige'.split(' '),
};
const ID_WORDS = 'support billing account orders payments newsletter analytics security fraud backup chat calls email phone devices licences location logs cookies recordings uploads profile identity contracts invoices shipping marketing research quality feedback statistics audit hosting crm cloud telephony delivery'.split(' ');
const COUNTRIES = ['DE', 'FR', 'NL', 'LV', 'LT', 'EE', 'AT', 'CH', 'US', 'GB', 'IN', 'BR', 'JP', 'CA', 'AU', 'SG', 'NO', 'IE', 'PL', 'SE', 'RU', 'GR'];
const CITIES = ['Riga', 'Berlin', 'Munich', 'Vienna', 'Tallinn', 'Vilnius', 'Amsterdam', 'Paris', 'Dublin', 'Zurich'];
const GDPR = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(f)', '6(1)(b)', '6(1)(f)', '9(2)(a)', '6(1)(e)'];
const RIGHTS = ['information', 'access', 'rectification', 'erasure', 'restriction', 'portability', 'object', 'automated-decisions', 'withdraw-consent', 'complaint'];
const MECHANISMS = ['scc', 'bcr', 'adequacy', 'derogation', 'certification', 'code-of-conduct'];
const AFTER = ['intro', 'controller', 'dpo', 'purposes', 'categories', 'recipients', 'transfers', 'retention', 'rights', 'complaints', 'end'];
const PERIODS = ['P6M', 'P1Y', 'P2Y', 'P3Y', 'P10Y', 'P30D', 'P90D', 'P1Y6M', 'P4W'];

/** Generate one notice (plain data) from a random source. */
function makeNotice(n, random) {
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const sample = (list, k) => {
    const copy = [...list];
    const out = [];
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
    return out;
  };

  const locales = sample(['en', 'lv', 'de'], chance(0.6) ? 2 : 3);
  const used = new Set();
  const id = (base) => {
    let candidate = base;
    for (let i = 2; used.has(candidate); i++) candidate = `${base}-${i}`;
    used.add(candidate);
    return candidate;
  };
  const sentence = (locale, words) => {
    const list = Array.from({ length: words }, () => pick(WORDS[locale]));
    let s = list.join(' ');
    if (chance(0.1)) s = s.replace(/(\S+) (\S+)/, '$1 *$2*');
    if (chance(0.05)) s += ` ([${pick(WORDS[locale])}](https://www.example.com/privacy/${int(1, 99)}))`;
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (locale, words) => {
    const out = [];
    for (let left = words; left > 0; ) {
      const w = Math.min(left, int(6, 20));
      out.push(sentence(locale, w));
      left -= w;
    }
    return out.join(' ');
  };
  // One Text: the same shape in every locale, lengths varying a little between translations.
  const text = (minWords, maxWords, { paragraphs = 1, list = false } = {}) => {
    const words = int(minWords, maxWords);
    const out = {};
    for (const locale of locales) {
      const parts = Array.from({ length: paragraphs }, () => paragraph(locale, Math.max(2, words + int(-2, 2))));
      if (list) parts.push(Array.from({ length: int(2, 4) }, () => `- ${sentence(locale, int(3, 8))}`).join('\n'));
      out[locale] = parts.join('\n\n');
    }
    return out;
  };
  const label = () => {
    const out = {};
    for (const locale of locales) out[locale] = sample(WORDS[locale], int(1, 5)).join(' ');
    return out;
  };
  const address = () => {
    const a = {};
    if (chance(0.8)) a.street = `${pick(WORDS.lv)} iela ${int(1, 120)}`;
    if (chance(0.8)) a.postalCode = String(int(1000, 99999));
    a.city = pick(CITIES);
    a.country = pick(COUNTRIES);
    return a;
  };
  const domain = `company-${String(n).padStart(4, '0')}.example`;
  const contact = (who) => {
    const c = { email: `${who}@${domain}` };
    if (chance(0.5)) c.phone = `+${int(30, 49)} ${int(10, 99)} ${int(100, 999)} ${int(1000, 9999)}`;
    if (chance(0.6)) c.web = `https://www.${domain}/${who}`;
    if (chance(0.3)) c.post = true;
    return c;
  };

  const noticeType = pick(['art13', 'art13', 'art14', 'both']);
  const notice = {
    id: `notice-${String(n).padStart(4, '0')}`,
    version: `${int(1, 4)}.${int(0, 9)}`,
    effectiveDate: `${int(2018, 2025)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
    noticeType,
    locales,
    sourceLocale: locales[0],
    title: text(4, 12),
  };
  used.add(notice.id);
  if (chance(0.5)) notice.intro = text(20, 60, { paragraphs: int(1, 2) });
  if (chance(0.3)) {
    notice.phrases = {};
    const citation = {};
    for (const locale of locales) citation[locale] = `Art. {article}({paragraph})({point}) ${locale === 'de' ? 'DSGVO' : locale === 'lv' ? 'VDAR' : 'GDPR'}`;
    notice.phrases['legalBasis.citation'] = citation;
    if (chance(0.5)) notice.phrases['recipients.intro'] = text(6, 16);
  }
  notice.controller = {
    id: id('controller'),
    name: `${pick(['AO', 'SIA', 'GmbH', 'Ltd'])} ${pick(WORDS.en)} ${pick(WORDS.en)}`.trim(),
    ...(chance(0.5) ? { aliases: sample(['Group', 'Company', 'Us', 'Service', 'Platform'], int(1, 3)) } : {}),
    address: address(),
    contact: contact('privacy'),
  };
  if (chance(0.4)) notice.controller.contactVia = sample(['controller', 'representative', 'dpo'], int(1, 2));
  if (chance(0.2)) notice.controller.note = text(10, 40);
  if (chance(0.4)) notice.representative = { id: id('representative'), name: `${pick(WORDS.en)} Representative GmbH`, address: address(), contact: contact('representative') };
  if (chance(0.6)) notice.dpo = { id: id('dpo'), name: 'Data Protection Officer', address: address(), contact: contact('dpo') };
  if (chance(0.1)) {
    notice.jointControllers = Array.from({ length: int(1, 2) }, () => ({ id: id(`joint-${pick(ID_WORDS)}`), name: `${pick(WORDS.en)} Partner AG`, arrangement: text(15, 60) }));
  }

  const sources = noticeType === 'art13' && chance(0.5) ? [] : Array.from({ length: int(1, 3) }, () => ({ id: id(`source-${pick(ID_WORDS)}`), kind: pick(['data-subject', 'public', 'third-party', 'generated']), description: text(6, 20) }));
  const categories = Array.from({ length: int(3, 20) }, () => {
    const c = { id: id(pick(ID_WORDS)), label: label() };
    if (chance(0.2)) c.condition = text(4, 14);
    if (chance(0.05)) c.special = true;
    if (sources.length > 0 && chance(0.3)) c.source = pick(sources).id;
    if (chance(0.2)) c.dpv = `pd:${pick(['Name', 'EmailAddress', 'TelephoneNumber', 'IPAddress', 'Location'])}`;
    return c;
  });
  const recipients = Array.from({ length: int(0, 6) }, () => {
    const r = { id: id(`${pick(ID_WORDS)}-provider`), kind: pick(['group-company', 'processor', 'processor', 'authority', 'controller', 'other']), description: text(5, 25) };
    if (chance(0.3)) r.name = `${pick(WORDS.en)} Services Ltd`;
    return r;
  });
  const purposes = Array.from({ length: int(1, 6) }, () => {
    const bases = Array.from({ length: int(1, 2) }, () => {
      const b = { id: id(`basis-${pick(ID_WORDS)}`), gdpr: pick(GDPR) };
      if (chance(0.6)) b.statement = text(8, 25);
      if (b.gdpr === '6(1)(c)' && chance(0.7)) b.law = text(3, 10);
      return b;
    });
    const p = { id: id(pick(ID_WORDS)), description: text(6, 25), legalBases: bases };
    if (bases.some((b) => b.gdpr === '6(1)(f)')) p.legitimateInterests = text(5, 25);
    if (chance(0.5)) p.categories = sample(categories, int(1, Math.min(6, categories.length))).map((c) => c.id);
    if (recipients.length > 0 && chance(0.4)) p.recipients = sample(recipients, int(1, recipients.length)).map((r) => r.id);
    if (chance(0.3)) p.dpv = `dpv:${pick(['CustomerCare', 'ServiceProvision', 'FraudPreventionAndDetection', 'Marketing'])}`;
    return p;
  });
  notice.purposes = purposes;
  notice.categories = categories;
  if (sources.length > 0) notice.sources = sources;
  notice.recipients = recipients;

  if (chance(0.75)) {
    const safeguards = Array.from({ length: int(0, 3) }, () => {
      const s = { id: id(`safeguard-${pick(ID_WORDS)}`), mechanism: pick(MECHANISMS) };
      if (s.mechanism === 'derogation') s.derogation = pick(['49(1)(a)', '49(1)(b)', '49(1)(c)']);
      if (chance(0.7)) s.description = text(20, 90);
      if (chance(0.4)) s.copy = text(5, 15);
      return s;
    });
    const destinations = sample(COUNTRIES, int(1, 8)).map((country) => {
      const d = { id: id(`dest-${country.toLowerCase()}`) };
      if (chance(0.05)) d.organisation = 'European Patent Organisation';
      else d.country = country;
      if (chance(0.4)) d.adequacy = chance(0.5);
      if (safeguards.length > 0 && chance(0.5)) d.safeguard = pick(safeguards).id;
      if (recipients.length > 0 && chance(0.2)) d.recipients = [pick(recipients).id];
      return d;
    });
    notice.transfers = { id: id('transfers'), destinations };
    if (safeguards.length > 0) notice.transfers.safeguards = safeguards;
    if (chance(0.6)) notice.transfers.statement = text(20, 60);
  }

  notice.retention = {
    id: id('retention'),
    rules: Array.from({ length: int(1, 5) }, () => {
      const r = { id: id(`keep-${pick(ID_WORDS)}`) };
      const how = int(0, 3);
      if (how === 0 || chance(0.5)) r.period = pick(PERIODS);
      if (how === 1) r.trigger = text(5, 15);
      if (how === 2) r.law = text(4, 12);
      if (how === 3) r.criteria = text(10, 40);
      if (chance(0.4)) r.categories = sample(categories, int(1, Math.min(4, categories.length))).map((c) => c.id);
      if (chance(0.2)) r.purposes = [pick(purposes).id];
      return r;
    }),
  };
  if (chance(0.7)) notice.automatedDecisions = { id: id('automated-decisions'), exists: false, statement: text(6, 20) };

  const rightNames = sample(RIGHTS, int(4, 10));
  notice.rights = {
    id: id('rights'),
    ...(chance(0.6) ? { intro: text(8, 20) } : {}),
    items: rightNames.map((right) => {
      const r = { id: id(`right-${right}`), right };
      if (chance(0.6)) r.title = label();
      if (chance(0.7)) r.text = text(12, 50);
      return r;
    }),
    exercise: {
      id: id('exercise'),
      ...(chance(0.5) ? { contactVia: sample(['controller', 'representative', 'dpo'], int(1, 2)) } : {}),
      freeOfCharge: chance(0.8),
      responseTime: 'P1M',
      ...(chance(0.5) ? { identityCheck: text(20, 70) } : {}),
      ...(chance(0.4) ? { extension: text(15, 45) } : {}),
    },
  };
  notice.complaints = { id: id('complaints'), text: text(20, 60, { paragraphs: int(1, 2), list: chance(0.2) }) };
  if (chance(0.2)) notice.complaints.authority = { id: id('authority'), name: `${pick(CITIES)} Data Protection Authority`, address: address(), contact: contact('complaints') };
  if (noticeType !== 'art14' && chance(0.4)) notice.requirement = { id: id('requirement'), kind: pick(['statutory', 'contractual', 'contract-prerequisite', 'voluntary']), consequences: text(8, 25) };
  const clauseCount = int(0, 3);
  if (clauseCount > 0) {
    notice.clauses = Array.from({ length: clauseCount }, () => {
      const c = { id: id(`clause-${pick(ID_WORDS)}`), after: pick(AFTER) };
      if (chance(0.5)) c.heading = text(3, 8);
      c.text = text(20, 100, { paragraphs: int(1, 2) });
      return c;
    });
  }
  return notice;
}

/** Serialise like the hand-written notices: block style, short lists of words in [flow, style]. */
function toYaml(notice, seed, n) {
  const doc = new YAML.Document(notice, { version: '1.2' });
  YAML.visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => YAML.isScalar(item) && typeof item.value === 'string') && node.items.reduce((len, item) => len + item.value.length + 2, 0) < 70) node.flow = true;
    },
  });
  doc.commentBefore = ` Generated by scripts/gen-corpus.mjs (seed ${seed}, notice ${n}). Not a real notice.`;
  return doc.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
}

function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || count > 9999 || !values.out || !Number.isInteger(seed)) {
    console.error(`--count must be 1-9999, --out a folder and --seed an integer.\n${USAGE}`);
    return 2;
  }
  mkdirSync(values.out, { recursive: true });
  let bytes = 0;
  for (let n = 1; n <= count; n++) {
    // One stream per notice, so notice n is the same whatever --count is.
    const random = prng(Math.imul(seed, 0x9e3779b1) ^ n);
    const yaml = toYaml(makeNotice(n, random), seed, n);
    bytes += Buffer.byteLength(yaml);
    writeFileSync(path.join(values.out, `notice-${String(n).padStart(4, '0')}.yaml`), yaml);
  }
  console.error(`${count} notices, ${Math.round(bytes / 1024)} KiB, in ${values.out}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
