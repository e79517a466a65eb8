/**
 * The small Markdown parser gives exactly remark-parse's tree (without positions) for every text
 * it takes, and the HTML made from it is the HTML made through remark-parse.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/html/index.js';
import { markdownToHtmlParsed } from '../../src/render/html/markdown-to-html.js';
import { parseSimpleMarkdown } from '../../src/render/parse-simple.js';
import { parseMarkdown } from '../../src/notice/markdown.js';
import { corpusTexts, noticeLikeText, syntaxText, taken, withoutPositions } from './simple-texts.js';

/** 1 when the fast parser takes the text (then its tree must be remark-parse's), else 0. */
function agrees(text: string): number {
  const fast = parseSimpleMarkdown(text);
  if (!fast) return 0;
  expect(fast, JSON.stringify(text)).toEqual(withoutPositions(parseMarkdown(text)));
  for (const inline of [false, true]) expect(markdownToHtml(text, inline), JSON.stringify(text)).toBe(markdownToHtmlParsed(text, inline));
  return 1;
}

let texts: string[] = [];
beforeAll(async () => {
  texts = await corpusTexts();
}, 60_000);

describe('parseSimpleMarkdown', () => {
  it('agrees with remark-parse on texts of Markdown syntax characters, words and URLs', () => {
    expect(taken(agrees, syntaxText, 20_000)).toBeGreaterThan(1000);
  });

  it('agrees with remark-parse on texts shaped like notice texts, taking a fair share of them', () => {
    expect(taken(agrees, noticeLikeText, 10_000)).toBeGreaterThan(1000);
  });

  it('agrees with remark-parse on every text of the notices, fixtures, phrase packs and their views', () => {
    expect(texts.length).toBeGreaterThan(3000);
    expect(texts.reduce((n, text) => n + agrees(text), 0)).toBeGreaterThan(texts.length / 4);
  });

  it('declines what it does not handle: code, HTML, entities, unsafe links, hard breaks, loose lists', () => {
    for (const text of ['a `b`', 'a <b>', 'AT&amp;T', '[x](javascript:alert(1))', '[x](data:text/html,x)', 'a\\\nb', 'a  \nb', '- a\n\n- b', '1. a', '# a', '> a', 'a\n===', '*a *b**', 'a_b_', '![x](https://e.example/i.png)']) {
      expect(parseSimpleMarkdown(text), text).toBeUndefined();
    }
    expect(parseSimpleMarkdown('**Right.** You may *object* at [dpo\\@x](mailto:dpo@x).\n\n- one\n- two')).toBeDefined();
  });
});
