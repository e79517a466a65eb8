/**
 * The small Markdown parser gives exactly remark-parse's tree (without positions) for every text
 * it takes, and the HTML made from it is the HTML made through remark-parse.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/html/index.js';
import { markdownToHtmlParsed } from '../../src/render/html/markdown-to-html.js';
import { parseSimpleMarkdown } from '../../src/render/parse-simple.js';
import { parseMarkdown } from '../../src/notice/markdown.js';
import { fixtureStrings, noticeLikeText, sampleViews, syntaxText, viewTexts, withoutPositions } from './simple-texts.js';

/** True when the fast parser takes the text; then its tree must be remark-parse's. */
function agrees(text: string): boolean {
  const fast = parseSimpleMarkdown(text);
  if (!fast) return false;
  expect(fast, JSON.stringify(text)).toEqual(withoutPositions(parseMarkdown(text)));
  for (const inline of [false, true]) expect(markdownToHtml(text, inline), JSON.stringify(text)).toBe(markdownToHtmlParsed(text, inline));
  return true;
}

let viewStrings: string[] = [];
beforeAll(async () => {
  viewStrings = [...new Set((await sampleViews()).flatMap(viewTexts))];
}, 60_000);

describe('parseSimpleMarkdown', () => {
  it('agrees with remark-parse on texts of Markdown syntax characters, words and URLs', () => {
    let taken = 0;
    fc.assert(fc.property(syntaxText, (text) => void (agrees(text) && taken++)), { numRuns: 20_000 });
    expect(taken).toBeGreaterThan(1000);
  });

  it('agrees with remark-parse on texts shaped like notice texts, taking a fair share of them', () => {
    let taken = 0;
    fc.assert(fc.property(noticeLikeText, (text) => void (agrees(text) && taken++)), { numRuns: 10_000 });
    expect(taken).toBeGreaterThan(1000);
  });

  it('agrees with remark-parse on every text of the notices, fixtures, phrase packs and their views', () => {
    const texts = [...new Set([...fixtureStrings(), ...viewStrings])];
    const taken = texts.filter(agrees).length;
    expect(texts.length).toBeGreaterThan(3000);
    expect(taken).toBeGreaterThan(texts.length / 4);
  });

  it('declines what it does not handle: code, HTML, entities, unsafe links, hard breaks, loose lists', () => {
    for (const text of ['a `b`', 'a <b>', 'AT&amp;T', '[x](javascript:alert(1))', '[x](data:text/html,x)', 'a\\\nb', 'a  \nb', '- a\n\n- b', '1. a', '# a', '> a', 'a\n===', '*a *b**', 'a_b_', '![x](https://e.example/i.png)']) {
      expect(parseSimpleMarkdown(text), text).toBeUndefined();
    }
    expect(parseSimpleMarkdown('**Right.** You may *object* at [dpo\\@x](mailto:dpo@x).\n\n- one\n- two')).toBeDefined();
  });
});
