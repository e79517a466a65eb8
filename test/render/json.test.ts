/**
 * `build --formats json,jsonld`: the notice as plain JSON (texts narrowed to the locale) and as
 * JSON-LD in the W3C DPV vocabulary. The JSON-LD is expanded and turned into RDF by a real JSON-LD
 * processor (jsonld.js, no network), and every IRI of a DPV namespace must be a term of the shipped
 * list (src/data/dpv-terms.json, read here as plain data).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsonld from 'jsonld';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build/build.js';
import { renderJson, renderJsonLd } from '../../src/render/json/index.js';
import { checkNoticeFile } from '../../src/validate/index.js';
import type { Notice } from '../../src/model/notice.js';
import { PRAXIS, REFERENCE, ROOT } from './helpers.js';

const terms = JSON.parse(readFileSync(path.join(ROOT, 'src/data/dpv-terms.json'), 'utf8')) as { namespaces: Record<string, string>; terms: Record<string, Record<string, string>> };
const OTHER_NAMESPACES = ['http://purl.org/dc/terms/', 'http://www.w3.org/2002/07/owl#', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'http://www.w3.org/2001/XMLSchema#'];
const shipped = readdirSync(path.join(ROOT, 'notices')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(ROOT, 'notices', f));

/** No context is ever fetched: the export's context is inline. */
const offline = { documentLoader: async (url: string) => Promise.reject(new Error(`no network in tests: ${url}`)) };

function termOf(iri: string): { prefix: string; local: string } | undefined {
  for (const [prefix, ns] of Object.entries(terms.namespaces)) if (iri.startsWith(ns)) return { prefix, local: iri.slice(ns.length) };
  return undefined;
}

/** Every IRI in an expanded JSON-LD document: property keys, `@type` values and `@id` values. */
function iris(expanded: unknown): { properties: Set<string>; types: Set<string>; ids: Set<string> } {
  const found = { properties: new Set<string>(), types: new Set<string>(), ids: new Set<string>() };
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '@type') for (const t of [child].flat() as string[]) found.types.add(t);
      else if (key === '@id') found.ids.add(child as string);
      else if (!key.startsWith('@')) found.properties.add(key);
      if (key !== '@value') walk(child);
    }
  };
  walk(expanded);
  return found;
}

async function noticeOf(file: string): Promise<Notice> {
  const checked = await checkNoticeFile(file);
  if (!checked.notice) throw new Error(`${file} is invalid`);
  return checked.notice;
}

/** Where a file would be published: the base its relative IRIs (`#purpose-support`) resolve against. */
const BASE = 'https://notices.example/notice/1.0/en.jsonld';
const at = (fragment: string) => `<${BASE}#${fragment}>`;

async function quads(doc: string): Promise<string> {
  return (await jsonld.toRDF(JSON.parse(doc), { format: 'application/n-quads', base: BASE, ...offline })) as unknown as string;
}

const DPV = 'https://w3id.org/dpv#';
const GDPR = 'https://w3id.org/dpv/legal/eu/gdpr#';

describe('build --formats json,jsonld', () => {
  let out: string;
  let result: BuildResult;
  beforeAll(async () => {
    out = path.join(mkdtempSync(path.join(tmpdir(), 'nk-json-')), 'public');
    result = await build({ files: shipped, outDir: out, formats: ['json', 'jsonld'], jobs: 1, paper: 'a4' });
  }, 60_000);

  it('writes both formats for every shipped notice and locale', async () => {
    expect(result.ok, JSON.stringify(result.diagnostics.slice(0, 3))).toBe(true);
    let expected = 0;
    for (const file of shipped) expected += (await noticeOf(file)).locales.length;
    const versioned = result.manifest.filter((e) => e.notice !== null && !e.path.includes('/latest/'));
    expect(versioned.filter((e) => e.format === 'json')).toHaveLength(expected);
    expect(versioned.filter((e) => e.format === 'jsonld')).toHaveLength(expected);
    // The index lists them like any other format.
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('kaspersky-technical-support/1.0/en.jsonld');
  });

  it('expands every JSON-LD file, and every DPV IRI in it is a term of the shipped list', async () => {
    const files = result.manifest.filter((e) => e.format === 'jsonld');
    expect(files.length).toBeGreaterThan(0);
    for (const entry of files) {
      const expanded = await jsonld.expand(JSON.parse(readFileSync(path.join(out, entry.path), 'utf8')), { base: BASE, ...offline });
      const { properties, types, ids } = iris(expanded);
      expect(types.size, entry.path).toBeGreaterThan(3);
      for (const iri of [...properties, ...types, ...ids]) {
        if (iri.startsWith(BASE) || iri.startsWith('mailto:') || /^https?:\/\/(?!w3id\.org\/dpv)/.test(iri) && !OTHER_NAMESPACES.some((ns) => iri.startsWith(ns))) continue;
        const term = termOf(iri);
        if (term) expect(terms.terms[term.prefix], `${entry.path}: ${iri}`).toHaveProperty([term.local]);
        else expect(OTHER_NAMESPACES.some((ns) => iri.startsWith(ns)), `${entry.path}: ${iri} is in no known vocabulary`).toBe(true);
      }
      // A compact IRI left unexpanded (a prefix missing from the context) would show up as a key like "dpv:x".
      for (const iri of properties) expect(iri, entry.path).toMatch(/^https?:\/\//);
    }
  });

  it('writes the plain JSON as the notice with its texts in that locale only', async () => {
    const notice = await noticeOf(REFERENCE);
    const en = JSON.parse(readFileSync(path.join(out, 'kaspersky-technical-support/1.0/en.json'), 'utf8'));
    expect(en.id).toBe(notice.id);
    expect(en.controller.name).toBe(notice.controller.name);
    expect(en.title).toEqual({ en: notice.title.en });
    expect(en.purposes[0].description).toEqual({ en: notice.purposes[0]!.description.en });
    expect(en.purposes[0].legalBases[0].gdpr).toBe('6(1)(b)');
    expect(JSON.stringify(en)).not.toContain(notice.title.lv!);
    // Phrase overrides are texts too.
    expect(Object.values(en.phrases as Record<string, object>).every((t) => Object.keys(t).join() === 'en')).toBe(true);
  });
});

describe('the JSON-LD of the reference notice', () => {
  it('states the controller, purposes with their DPV terms and legal bases, data, recipients, transfers, retention and rights', async () => {
    const notice = await noticeOf(REFERENCE);
    const nq = await quads(renderJsonLd(notice, 'en'));
    const has = (s: string, p: string, o: string) => expect(nq, `${s} ${p} ${o}`).toContain(`${s} <${p}> ${o} .`);
    has(at('purpose-support'), `${DPV}hasLegalBasis`, `<${GDPR}A6-1-b>`);
    has(at('purpose-improvement'), `${DPV}hasLegalBasis`, `<${GDPR}A6-1-f>`);
    has(at('purpose-support'), `${DPV}hasDataController`, at('controller'));
    has(at('controller'), `${DPV}hasName`, `"${notice.controller.name}"`);
    has(at('category-email'), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', '<https://w3id.org/dpv/pd#EmailAddress>');
    has(at('recipient-support-providers'), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `<${DPV}DataProcessor>`);
    has(at('destination-united-states'), `${DPV}hasThirdCountry`, '<https://w3id.org/dpv/loc#US>');
    has(at('destination-germany'), `${DPV}hasCountry`, '<https://w3id.org/dpv/loc#DE>');
    has(at('destination-united-states'), `${DPV}hasLegalBasis`, `<${GDPR}A46-2-c>`);
    has(at('retention-all-data'), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `<${DPV}StorageCondition>`);
    has(at('purpose-support'), `${DPV}hasStorageCondition`, at('retention-all-data'));
    for (const right of ['A13', 'A15', 'A16', 'A17', 'A77']) expect(nq).toContain(`<${DPV}hasRight> <${GDPR}${right}>`);
    // An Art. 13 notice is a direct-collection notice, not an indirect one.
    expect(nq).toContain(`<${GDPR}DirectDataCollectionNotice>`);
    expect(nq).not.toContain(`${GDPR}IndirectDataCollectionNotice`);
    expect(nq).not.toContain(`${GDPR}A14>`);
    // Texts carry the locale.
    expect(nq).toContain(`"${notice.purposes[0]!.description.en}"@en`);
    expect(nq).not.toContain('@lv');
  });

  it('writes the special-category and Art. 9 facts of a health notice', async () => {
    const notice = await noticeOf(PRAXIS);
    const nq = await quads(renderJsonLd(notice, notice.sourceLocale));
    expect(nq).toContain(`<${DPV}SpecialCategoryPersonalData>`);
    const special = notice.categories.filter((c) => c.special);
    expect(special.length).toBeGreaterThan(0);
    for (const c of special) expect(nq).toContain(`${at(`category-${c.id}`)} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${DPV}SpecialCategoryPersonalData>`);
    const art9 = notice.purposes.flatMap((p) => (p.legalBases ?? []).filter((b) => b.gdpr.startsWith('9')).map((b) => [p.id, b.gdpr] as const));
    for (const [id, gdpr] of art9) expect(nq).toContain(`${at(`purpose-${id}`)} <${DPV}hasLegalBasis> <${GDPR}A${gdpr.replace(/\((\w+)\)/g, '-$1')}>`);
  });

  it('writes nothing for what the notice leaves out', async () => {
    const notice = structuredClone(await noticeOf(REFERENCE));
    delete notice.purposes[0]!.legalBases;
    delete notice.purposes[0]!.dpv;
    delete notice.recipients;
    delete notice.retention;
    delete notice.categories[0]!.dpv;
    delete notice.dpo;
    const nq = await quads(renderJsonLd(notice, 'en'));
    expect(nq).not.toContain(`${at('purpose-support')} <${DPV}hasLegalBasis>`);
    expect(nq).toContain(`${at('purpose-improvement')} <${DPV}hasLegalBasis>`);
    expect(nq).not.toContain(`${DPV}CustomerCare`);
    expect(nq).not.toContain(`${DPV}hasRecipient> <${BASE}#recipient`);
    expect(nq).not.toContain(`${DPV}hasStorageCondition`);
    expect(nq).not.toContain(`${DPV}hasDataProtectionOfficer`);
    expect(nq).toContain(`${at(`category-${notice.categories[0]!.id}`)} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${DPV}PersonalData>`);
    expect(nq).not.toContain(`${at(`category-${notice.categories[0]!.id}`)} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/dpv/pd#`);
    // And the plain JSON has no key for them either (absent, not null).
    const json = JSON.parse(renderJson(notice, 'en'));
    expect(Object.keys(json)).not.toContain('recipients');
    expect(Object.keys(json.purposes[0])).not.toContain('legalBases');
  });
});

describe('dpv terms the list does not have', () => {
  it('fails a jsonld build with unknown-dpv-term at the field, and a build without jsonld is unaffected', async () => {
    const doc = parseDocument(readFileSync(REFERENCE, 'utf8'));
    doc.setIn(['purposes', 0, 'dpv'], 'dpv:CustomerKare');
    doc.setIn(['categories', 1, 'dpv'], 'pd:EmailAdress');
    const dir = mkdtempSync(path.join(tmpdir(), 'nk-json-bad-'));
    const file = path.join(dir, 'notice.yaml');
    const text = doc.toString();
    writeFileSync(file, text);
    const result = await build({ files: [file], outDir: path.join(dir, 'public'), formats: ['jsonld'], jobs: 1, paper: 'a4' });
    expect(result.ok).toBe(false);
    const found = result.diagnostics.filter((d) => d.code === 'unknown-dpv-term');
    expect(found.map((d) => d.path)).toEqual(['purposes[0].dpv', 'categories[1].dpv']);
    const lines = text.split('\n');
    expect(lines[found[0]!.line - 1]).toContain('dpv:CustomerKare');
    expect(lines[found[1]!.line - 1]).toContain('pd:EmailAdress');
    const other = await build({ files: [file], outDir: path.join(dir, 'public'), formats: ['json'], jobs: 1, paper: 'a4' });
    expect(other.ok).toBe(true);
  });
});
