/**
 * Read an existing notice (Markdown, HTML or a Word .docx file) into a flat list of blocks:
 * headings, paragraphs and bullet lists, each as Markdown that a notice's text field accepts
 * (no raw HTML, no images, links only to http, https, mailto and tel) and as plain text.
 */
import { SUSPICIOUS } from '../notice/characters.js';
import { readHtml } from './read-html.js';
import { readMarkdown } from './read-markdown.js';
import type { SourceBlock } from './source-blocks.js';

/** The formats `noticekit import` reads. */
export type SourceFormat = 'md' | 'html' | 'docx';

/**
 * The format of a source file, from its name.
 * @returns undefined for a name that is none of .md, .markdown, .html, .htm, .docx
 */
export function sourceFormat(file: string): SourceFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'docx') return 'docx';
  return undefined;
}

/**
 * Read a source document into blocks.
 * @param data the file's bytes
 * @param format its format (see sourceFormat)
 * @returns the blocks, and messages from the reader (e.g. mammoth's notes on unsupported styles)
 */
export async function readSource(data: Uint8Array, format: SourceFormat): Promise<{ blocks: SourceBlock[]; messages: string[] }> {
  if (format === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(data) });
    return { blocks: readHtml(result.value.replace(SUSPICIOUS, '')), messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
  }
  // Hidden characters (bidi controls, zero-width spaces) a notice may not hold are dropped.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\ufeff/, '').replace(SUSPICIOUS, '');
  return { blocks: format === 'md' ? readMarkdown(text) : readHtml(text), messages: [] };
}
