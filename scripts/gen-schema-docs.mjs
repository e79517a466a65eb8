#!/usr/bin/env node
// Write `markdownDescription` (and, for the enums listed below, `markdownEnumDescriptions`) into
// schema/notice.schema.json, so editors using the YAML language server render hovers and
// completion help as Markdown. Every `"description": "…"` of the schema gets one, placed right
// after it on the same line; the rest of the file keeps its hand-made layout, so people can keep
// editing the schema and simply run this again (`npm run gen:schema-docs`).
// `node scripts/gen-schema-docs.mjs --check` exits 1 when the schema is out of date (used by the tests).
import { readFileSync, writeFileSync } from 'node:fs';

const SCHEMA = new URL('../schema/notice.schema.json', import.meta.url);

const EUR_LEX = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';

/**
 * What each value of an enum means, by the JSON pointer of the schema node holding the enum.
 * Written for legal editors from the GDPR's text (Regulation (EU) 2016/679).
 */
export const ENUM_DOCS = {
  '/$defs/GdprBasis': {
    '6(1)(a)': 'Art. 6(1)(a): **consent**. The person agreed to the processing for one or more specific purposes; they may withdraw it at any time (Art. 7(3)).',
    '6(1)(b)': 'Art. 6(1)(b): **contract**. Needed to perform a contract the person is party to, or to take steps they asked for before entering into one.',
    '6(1)(c)': 'Art. 6(1)(c): **legal obligation**. Needed to comply with a legal obligation the controller is subject to (name the law in the notice).',
    '6(1)(d)': "Art. 6(1)(d): **vital interests**. Needed to protect someone's life or physical integrity, the person's or another's.",
    '6(1)(e)': 'Art. 6(1)(e): **public task**. Needed for a task in the public interest or in the exercise of official authority vested in the controller.',
    '6(1)(f)': 'Art. 6(1)(f): **legitimate interests** of the controller or a third party, unless the person\'s interests or rights override them. The notice must say which interests (`legitimateInterests`).',
    '9(2)(a)': 'Art. 9(2)(a): **explicit consent** to processing special categories of data (health, beliefs, biometrics ...) for specified purposes.',
    '9(2)(b)': 'Art. 9(2)(b): obligations and rights in **employment, social security and social protection law**, as Union or Member State law or a collective agreement allows.',
    '9(2)(c)': 'Art. 9(2)(c): **vital interests** of the person or another, where the person cannot physically or legally give consent.',
    '9(2)(d)': "Art. 9(2)(d): a **not-for-profit body** with a political, philosophical, religious or trade-union aim, about its members, former members or regular contacts; not disclosed outside without the person's consent.",
    '9(2)(e)': 'Art. 9(2)(e): data the person has **manifestly made public** themselves.',
    '9(2)(f)': 'Art. 9(2)(f): establishing, exercising or defending **legal claims**, or courts acting in their judicial capacity.',
    '9(2)(g)': 'Art. 9(2)(g): **substantial public interest**, on the basis of Union or Member State law with suitable safeguards.',
    '9(2)(h)': 'Art. 9(2)(h): **health or social care**: preventive or occupational medicine, working capacity, medical diagnosis, care or treatment, managing care systems; under professional secrecy (Art. 9(3)).',
    '9(2)(i)': 'Art. 9(2)(i): **public interest in public health**, such as protection against serious cross-border threats to health or the quality and safety of health care, medicines or medical devices.',
    '9(2)(j)': 'Art. 9(2)(j): **archiving in the public interest, scientific or historical research, or statistics**, under Art. 89(1).',
  },
  '/$defs/Safeguard/properties/derogation': {
    '49(1)(a)': 'Art. 49(1)(a): the person **explicitly consented** to the transfer after being told its possible risks.',
    '49(1)(b)': 'Art. 49(1)(b): needed to perform a **contract with the person**, or steps before it taken at their request.',
    '49(1)(c)': "Art. 49(1)(c): needed for a **contract concluded in the person's interest** with someone else.",
    '49(1)(d)': 'Art. 49(1)(d): needed for **important reasons of public interest**.',
    '49(1)(e)': 'Art. 49(1)(e): needed to establish, exercise or defend **legal claims**.',
    '49(1)(f)': "Art. 49(1)(f): needed to protect someone's **vital interests** where the person cannot give consent.",
    '49(1)(g)': 'Art. 49(1)(g): made from a **public register** open to consultation.',
    '49(1)-second': 'Art. 49(1), second subparagraph: a transfer that is not repetitive, concerns a limited number of people and is needed for **compelling legitimate interests** of the controller; state them in `compellingInterests`.',
  },
  '/$defs/Safeguard/properties/mechanism': {
    adequacy: 'Art. 45: the destination has an **adequacy decision** of the European Commission.',
    scc: "Art. 46(2)(c): the Commission's **standard contractual clauses**, Implementing Decision (EU) 2021/914.",
    bcr: 'Art. 46(2)(b) and 47: **binding corporate rules** approved by a supervisory authority.',
    'public-bodies': 'Art. 46(2)(a): a legally binding instrument **between public authorities or bodies**.',
    'sa-scc': 'Art. 46(2)(d): standard data protection clauses adopted by a **supervisory authority**.',
    'code-of-conduct': 'Art. 46(2)(e): an approved **code of conduct** with binding commitments of the recipient.',
    certification: 'Art. 46(2)(f): an approved **certification** mechanism with binding commitments of the recipient.',
    'ad-hoc-clauses': 'Art. 46(3)(a): **contractual clauses** of the parties\' own, authorised by the supervisory authority.',
    'administrative-arrangement': 'Art. 46(3)(b): provisions in **administrative arrangements** between public bodies, authorised by the supervisory authority.',
    derogation: 'Art. 49: a **derogation** for a specific situation; give the point in `derogation`.',
  },
  '/$defs/RightName': {
    information: 'Art. 12-14: the right to be **informed** (this notice).',
    access: 'Art. 15: **access** to the data and a copy of them.',
    rectification: 'Art. 16: **rectification** of inaccurate data, completion of incomplete data.',
    erasure: 'Art. 17: **erasure** ("right to be forgotten").',
    restriction: 'Art. 18: **restriction** of processing.',
    portability: 'Art. 20: **data portability**: the data in a structured, machine-readable format.',
    object: 'Art. 21: to **object** to processing (on grounds of a particular situation; always to direct marketing).',
    'automated-decisions': 'Art. 22: not to be subject to a decision based solely on **automated processing**, including profiling.',
    'withdraw-consent': 'Art. 7(3): to **withdraw consent** at any time.',
    complaint: 'Art. 77: to lodge a **complaint** with a supervisory authority.',
    'dpo-contact': 'Art. 38(4): to **contact the data protection officer** on any issue about the processing of their data; give the notice\'s own `title` and `text`.',
    other: 'A right the notice grants **outside Arts. 15-22** (an opt-out, say); give the notice\'s own `title` and `text`.',
  },
  '/properties/noticeType': {
    art13: 'Art. 13: the data are collected **from the person** the notice is for.',
    art14: 'Art. 14: the data come **from elsewhere** (the notice then says from which sources).',
    both: 'Art. 13 and 14: some data from the person, some from elsewhere.',
  },
};

/** The schema's string descriptions, in the order they appear in the file, with the pointer of their node. */
function descriptions(node, pointer = '', out = []) {
  if (Array.isArray(node)) node.forEach((item, i) => descriptions(item, `${pointer}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') out.push({ pointer, node });
      else if (key !== 'markdownDescription' && key !== 'markdownEnumDescriptions') descriptions(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, out);
    }
  }
  return out;
}

/** The Markdown help of one node: its description, and for a documented enum, what each value means. */
function markdownOf(entry) {
  const docs = ENUM_DOCS[entry.pointer];
  let md = entry.node.description;
  if (entry.pointer === '/$defs/GdprBasis' || entry.pointer === '/$defs/Safeguard/properties/derogation' || entry.pointer === '/$defs/Safeguard/properties/mechanism') {
    md += `\n\n[Regulation (EU) 2016/679 on EUR-Lex](${EUR_LEX})`;
  }
  if (!docs) return { md };
  const values = entry.node.enum;
  if (!Array.isArray(values)) throw new Error(`gen-schema-docs: ${entry.pointer} has no enum any more; update ENUM_DOCS in scripts/gen-schema-docs.mjs.`);
  const missing = values.filter((v) => !(v in docs));
  if (missing.length > 0) throw new Error(`gen-schema-docs: ${entry.pointer} has values without a description: ${missing.join(', ')}; add them to ENUM_DOCS in scripts/gen-schema-docs.mjs.`);
  return { md, enumDocs: values.map((v) => docs[v]) };
}

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const DESCRIPTION = new RegExp(String.raw`"description"(\s*):(\s*)(${STRING})(?:,\s*"markdownDescription"\s*:\s*${STRING})?(?:,\s*"markdownEnumDescriptions"\s*:\s*\[(?:\s*${STRING}\s*,?)*\s*\])?`, 'g');

/** The schema text with every markdownDescription (and markdownEnumDescriptions) up to date. */
export function withDocs(text) {
  const entries = descriptions(JSON.parse(text));
  for (const pointer of Object.keys(ENUM_DOCS)) {
    if (!entries.some((e) => e.pointer === pointer)) throw new Error(`gen-schema-docs: the schema has no described node at ${pointer}; update ENUM_DOCS in scripts/gen-schema-docs.mjs.`);
  }
  let i = 0;
  const out = text.replace(DESCRIPTION, (_all, s1, s2, value) => {
    const entry = entries[i++];
    if (!entry || JSON.parse(value) !== entry.node.description) throw new Error('gen-schema-docs: could not match the schema\'s descriptions in its text (is a "description" key written in an unusual way?).');
    const { md, enumDocs } = markdownOf(entry);
    const extra = enumDocs ? `, "markdownEnumDescriptions": [${enumDocs.map((d) => JSON.stringify(d)).join(', ')}]` : '';
    return `"description"${s1}:${s2}${value}, "markdownDescription": ${JSON.stringify(md)}${extra}`;
  });
  if (i !== entries.length) throw new Error(`gen-schema-docs: found ${i} descriptions in the text but ${entries.length} in the schema.`);
  JSON.parse(out);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const current = readFileSync(SCHEMA, 'utf8');
  const next = withDocs(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('schema/notice.schema.json: markdownDescription is out of date; run npm run gen:schema-docs');
      process.exit(1);
    }
  } else if (next !== current) writeFileSync(SCHEMA, next);
}
