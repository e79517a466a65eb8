/**
 * The simple block printer prints exactly what remark-stringify prints, for every block it takes:
 * blocks of generated texts and of every text of the notices, fixtures, phrase packs and views,
 * parsed by remark-parse, and the headings, emphasised lines and lists the renderer builds of them.
 */
import type { BlockContent, Nodes, PhrasingContent, RootContent } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/notice/markdown.js';
import { plainPrinter } from '../../src/render/markdown/index.js';
import { printSimpleBlock } from '../../src/render/markdown/print-simple.js';
import { corpusTexts, noticeLikeText, syntaxText, taken, withoutPositions } from './simple-texts.js';

/** The top-level blocks the Markdown renderer makes of one text (see renderMarkdown). */
function blocksOf(text: string): RootContent[] {
  const tree = withoutPositions(parseMarkdown(text));
  const blocks: RootContent[] = [...tree.children];
  const first = tree.children[0];
  if (tree.children.length === 1 && first?.type === 'paragraph') {
    blocks.push({ type: 'heading', depth: 1, children: first.children }, { type: 'heading', depth: 2, children: first.children });
    blocks.push({ type: 'paragraph', children: [{ type: 'emphasis', children: first.children }] });
  }
  blocks.push({ type: 'list', ordered: false, spread: false, children: [text, text].map((_, i) => ({ type: 'listItem', spread: false, children: (i ? tree.children : [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }] }]) as BlockContent[] })) });
  return blocks;
}

/** How many blocks of the text the simple printer took; each must print as remark-stringify prints it. */
function agrees(text: string): number {
  let count = 0;
  for (const block of blocksOf(text)) {
    const simple = printSimpleBlock(block as Nodes);
    if (simple === undefined) continue;
    expect(`${simple}\n`, JSON.stringify(text)).toBe(plainPrinter.stringify({ type: 'root', children: [block] }));
    count++;
  }
  return count;
}

let texts: string[] = [];
beforeAll(async () => {
  texts = await corpusTexts();
}, 60_000);

describe('printSimpleBlock', () => {
  it('prints what remark-stringify prints for texts of Markdown syntax characters, words and URLs', () => {
    expect(taken(agrees, syntaxText, 10_000)).toBeGreaterThan(3000);
  });

  it('prints what remark-stringify prints for texts shaped like notice texts', () => {
    expect(taken(agrees, noticeLikeText, 5_000)).toBeGreaterThan(1500);
  });

  it('prints what remark-stringify prints for every text of the notices, fixtures, phrase packs and their views', () => {
    expect(texts.reduce((n, text) => n + agrees(text), 0)).toBeGreaterThan(texts.length);
  });

  it('leaves to remark-stringify what it would escape or encode', () => {
    for (const text of ['a *b*c', 'a\\_b', '1\\. a', '\\# a', 'a &amp;copy; b', '[a](https://e.example/(x))', 'a\\\nb', 'a  \nb', '*a*b', 'x_y_']) {
      for (const block of withoutPositions(parseMarkdown(text)).children) expect(printSimpleBlock(block as Nodes), text).toBeUndefined();
    }
    // Trees the renderer could build but the parser never gives.
    const paragraph = (...children: PhrasingContent[]): Nodes => ({ type: 'paragraph', children });
    for (const tree of [paragraph({ type: 'text', value: 'a ' }), paragraph({ type: 'text', value: ' a' }), paragraph({ type: 'emphasis', children: [{ type: 'text', value: 'a' }] }, { type: 'text', value: 'b' })]) {
      expect(plainPrinter.stringify({ type: 'root', children: [tree as RootContent] })).toMatch(/&#x/);
      expect(printSimpleBlock(tree)).toBeUndefined();
    }
    expect(printSimpleBlock(withoutPositions(parseMarkdown('**Right.** Write to [dpo@x.example](mailto:dpo@x.example).')).children[0] as Nodes)).toBe('**Right.** Write to <dpo@x.example>.');
  });
});
