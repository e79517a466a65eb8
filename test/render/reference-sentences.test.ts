/**
 * The Latvian Markdown of the reference notice reproduces the source text sentence for sentence.
 * The source is copied into test/fixtures/reference/ so the project stands on its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { fidelity, sentences } from './fidelity.js';
import { markdownText, normalise, REFERENCE, ROOT, viewOf } from './helpers.js';

const source = readFileSync(path.join(ROOT, 'test/fixtures/reference/kaspersky-technical-support.lv.txt'), 'utf8');

describe('reference notice, lv Markdown', () => {
  it('contains every sentence of the source text', async () => {
    const markdown = renderMarkdown(await viewOf(REFERENCE, 'lv'));
    const rendered = normalise(markdownText(markdown));
    const all = sentences(source);
    expect(all.length).toBeGreaterThan(80);
    const missing = all.filter((s) => !rendered.includes(s));
    expect(missing).toEqual([]);
  });

  it('is faithful both ways: >= 95% of the source sentences are printed, >= 90% of the printed body sentences are in the source', async () => {
    const f = fidelity(renderMarkdown(await viewOf(REFERENCE, 'lv')), source);
    expect(f.recall).toBeGreaterThanOrEqual(0.95);
    expect(f.precision, f.invented.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the notice\'s own "1. daļas" citation wording instead of the pack\'s "1. punkta"', async () => {
    const text = markdownText(renderMarkdown(await viewOf(REFERENCE, 'lv')));
    expect(text).toContain('(VDAR 6. panta 1. daļas b) apakšpunkts)');
    expect(text).not.toContain('6. panta 1. punkta b)');
  });

  it('renders the English translation with the standard English citation', async () => {
    const text = markdownText(renderMarkdown(await viewOf(REFERENCE, 'en')));
    expect(text).toContain('(Art. 6(1)(b) GDPR)');
    expect(text).toContain('EEA: Germany, Netherlands, France, Greece; outside the EEA: Switzerland, Brazil, Russia, US.');
  });

  it('is canonical: rendering its own output again changes nothing', async () => {
    const { canonicalMarkdown } = await import('../../src/render/markdown/index.js');
    const markdown = renderMarkdown(await viewOf(REFERENCE, 'lv'));
    expect(canonicalMarkdown(markdown)).toBe(markdown);
  });
});
