/**
 * A phrase that states a fact prints only when the notice's YAML holds that fact; no output puts a
 * second full stop after a text that ends with its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotice } from '../../src/load/read-notice.js';
import { loadPhrasePack, Phrases } from '../../src/model/phrases.js';
import { buildView } from '../../src/model/view.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { validateNotice } from '../../src/validate/index.js';
import { markdownText, PRAXIS, REFERENCE, ROOT, viewOf } from './helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/lint/purpose-legal-basis/pass.yaml');

async function render(yaml: string, locale = 'en'): Promise<string> {
  const { notice, diagnostics } = validateNotice(loadNotice(yaml, 'case.yaml'));
  if (!notice) throw new Error(JSON.stringify(diagnostics));
  return markdownText(renderMarkdown(buildView(notice, new Phrases(locale, (await loadPhrasePack(locale))!, notice.phrases))));
}

describe('phrases that state facts', () => {
  it('print nothing for what the notice leaves unstated', async () => {
    const yaml = readFileSync(FIXTURE, 'utf8')
      .replace(/ {4}legalBases:\n( {6}.*\n)+/, '')
      .replace(/^recipients:\n( {2}.*\n)+/m, '')
      .replace(/^retention:\n( {2}.*\n)+/m, '')
      .replace(/ {2}exercise:\n {4}id: exercise\n/, '')
      .replace(/^complaints:\n {2}id: complaints\n/m, '')
      .replace(/^requirement:\n( {2}.*\n)+/m, '');
    const text = await render(yaml);
    expect(text).toContain('To send you the newsletter you subscribed to.');
    for (const phrase of ['share', 'recipient', 'voluntary', 'legal basis', 'Legal basis', '6(1)', 'Complaints', 'keep your personal data', 'To exercise these rights', 'free of charge', 'automated decision-making']) {
      expect(text, phrase).not.toContain(phrase);
    }
  });

  it('print what the notice states: no recipients, a voluntary requirement, the controller as the contact', async () => {
    const yaml = readFileSync(FIXTURE, 'utf8')
      .replace(/^recipients:\n( {2}.*\n)+/m, 'recipients: []\n')
      .replace(/ {2}exercise:\n {4}id: exercise\n/, '  exercise:\n    id: exercise\n    contactVia: [controller]\n');
    const text = await render(yaml);
    expect(text).toContain('We do not share your personal data with other recipients.');
    expect(text).toContain('The provision of your personal data is voluntary.');
    expect(text).toContain('To exercise these rights, please contact us using the details above.');
    expect(text).not.toContain('Complaints');
  });
});

describe('no double full stop', () => {
  for (const [name, file, locales] of [['praxisportal', PRAXIS, ['de', 'en']], ['reference', REFERENCE, ['lv', 'en']]] as const) {
    for (const locale of locales) {
      it(`${name} ${locale}`, async () => {
        const markdown = renderMarkdown(await viewOf(file, locale));
        expect(markdownText(markdown)).not.toMatch(/[^.]\.\.(?!\.)/);
        expect(markdown).not.toMatch(/[^.]\.\.(?!\.)/);
      });
    }
  }
});
