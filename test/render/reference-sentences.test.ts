/**
 * The Latvian Markdown of the reference notice reproduces the source text sentence for sentence.
 * The source is copied into test/fixtures/reference/ so the project stands on its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { markdownText, normalise, REFERENCE, ROOT, viewOf } from './helpers.js';

const source = readFileSync(path.join(ROOT, 'test/fixtures/reference/kaspersky-technical-support.lv.txt'), 'utf8');

/** Sentences of the source: every line (a heading, a paragraph, a bullet) split after . ! ? */
function sentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*•\s*/, '').trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ“])/u))
    .map(normalise);
}

describe('reference notice, lv Markdown', () => {
  it('contains every sentence of the source text', async () => {
    const markdown = renderMarkdown(await viewOf(REFERENCE, 'lv'));
    const rendered = normalise(markdownText(markdown));
    const all = sentences(source);
    expect(all.length).toBeGreaterThan(80);
    const missing = all.filter((s) => !rendered.includes(s));
    expect(missing).toEqual([]);
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
