/**
 * Markdown output: the view printed as CommonMark and canonicalised by remark-stringify.
 */
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Block, NoticeView } from '../../model/view.js';

const processor = unified().use(remarkParse).use(remarkStringify, {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
});

/** Canonical CommonMark for any Markdown text (stable output for the same meaning). */
export function canonicalMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/**
 * Render a notice view as Markdown.
 * @returns canonical CommonMark ending in a newline
 */
export function renderMarkdown(view: NoticeView): string {
  const out: string[] = [`# ${oneLine(view.title)}`, `_${oneLine(view.versionLine)}_`];
  if (view.intro) out.push(view.intro);
  for (const section of view.sections) {
    if (section.heading) out.push(`## ${oneLine(section.heading)}`);
    for (const block of section.blocks) out.push(renderBlock(block));
  }
  return canonicalMarkdown(`${out.join('\n\n')}\n`);
}

function renderBlock(block: Block): string {
  if (block.type === 'paragraph') return block.md;
  const items = block.type === 'list' ? block.items : block.fallback;
  // Continuation lines of a multi-paragraph item are indented under the bullet.
  return items.map((item) => `- ${item.md.replace(/\n/g, '\n  ')}`).join('\n');
}

function oneLine(md: string): string {
  return md.replace(/\s*\n\s*/g, ' ');
}
