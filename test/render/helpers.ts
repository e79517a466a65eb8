/**
 * Shared test helpers for rendering: load a notice and build its view in one locale.
 */
import path from 'node:path';
import type { Nodes } from 'mdast';
import { loadPhrasePack, Phrases } from '../../src/model/phrases.js';
import { buildView, type NoticeView } from '../../src/model/view.js';
import { parseMarkdown } from '../../src/notice/markdown.js';
import { checkNoticeFile } from '../../src/validate/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const REFERENCE = path.join(ROOT, 'notices/kaspersky-technical-support.yaml');
export const PRAXIS = path.join(ROOT, 'notices/praxisportal.yaml');

/** The view of a valid notice file in one locale (fails the test if the notice is invalid). */
export async function viewOf(file: string, locale: string): Promise<NoticeView> {
  const checked = await checkNoticeFile(file);
  if (!checked.notice) throw new Error(`${file} is invalid: ${JSON.stringify(checked.diagnostics)}`);
  const pack = await loadPhrasePack(locale);
  if (!pack) throw new Error(`no pack for ${locale}`);
  return buildView(checked.notice, new Phrases(locale, pack, checked.notice.phrases));
}

/** The text of an mdast node without Markdown marks (a line break is a space). */
export function inline(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : '';
}

/** The plain text of a Markdown document, one line per block, without Markdown marks. */
export function markdownText(markdown: string): string {
  const lines: string[] = [];
  const block = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading') lines.push(inline(node));
    else if ('children' in node) for (const child of node.children as Nodes[]) block(child);
  };
  block(parseMarkdown(markdown));
  return lines.join('\n');
}

/** Lower case, one space between words. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True if Chromium can be found (PDF tests need it; CI installs it). */
export { findChromium } from '../../src/render/pdf/browser.js';
