/**
 * Markdown text fields to HTML through the syntax tree, with an allowlist: paragraphs, emphasis,
 * strong, lists, line breaks, inline code and links (inline or by reference to a definition in the
 * same text) to http, https, mailto and tel. Everything
 * else (raw HTML, images, headings, code blocks, quotes) is dropped or reduced to its text.
 */
import type { Nodes, Root } from 'mdast';
import { isSafeUrl, parseMarkdown } from '../../notice/markdown.js';
import { fieldTree, isPlainParagraph, plainParagraphText } from '../field-tree.js';
import { escapeHtml } from './escape.js';

/** Converted texts, by Markdown: block and inline (two maps, so a key is the text itself). */
const converted = { block: new Map<string, string>(), inline: new Map<string, string>() };
const CACHE_LIMIT = 10_000;

/**
 * Convert Markdown to sanitised HTML.
 * @param inline drop the paragraph wrapper of a single-paragraph text (for headings, cells, list items)
 */
export function markdownToHtml(markdown: string, inline = false): string {
  const plain = isPlainParagraph(markdown) ? markdown : escapedPlainText(markdown);
  if (plain !== undefined) {
    const text = escapeHtml(plainParagraphText(plain));
    return inline ? text : `<p>${text}</p>`;
  }
  const cache = inline ? converted.inline : converted.block;
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
  const html = convertSafely(() => fieldTree(markdown), markdown, inline);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(markdown, html);
  return html;
}

export { isPlainParagraph };

/** ASCII punctuation: what CommonMark lets a backslash escape. */
const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

/**
 * The text of a plain paragraph whose punctuation is backslash-escaped (as `escapeMarkdown` writes
 * the index page's titles), else undefined. An escaped character is itself and starts no syntax,
 * so the text is plain when it is with each escape taken for a letter.
 */
export function escapedPlainText(markdown: string): string | undefined {
  if (!markdown.includes('\\')) return undefined;
  let escapes = true;
  const masked = markdown.replace(ESCAPE, (_escape, next: string) => {
    if (!ESCAPABLE.test(next)) escapes = false;
    return 'x';
  });
  return escapes && isPlainParagraph(masked) ? markdown.replace(ESCAPE, '$1') : undefined;
}

/** A backslash and the character after it (none at the end), read from left to right. */
const ESCAPE = /\\([\s\S]?)/g;

/** {@link markdownToHtml} always through the parser, uncached (the reference the fast path is tested against). */
export function markdownToHtmlParsed(markdown: string, inline = false): string {
  return convertSafely(() => parseMarkdown(markdown), markdown, inline);
}

/** Link definitions of the text being converted (`[label]: url`), by normalised label. */
let definitions = new Map<string, string>();

function convertSafely(parse: () => Root, markdown: string, inline: boolean): string {
  try {
    const tree = parse();
    definitions = definitionsOf(tree);
    if (inline && tree.children.length === 1 && tree.children[0]!.type === 'paragraph') return children(tree.children[0]!);
    return children(tree);
  } catch {
    // Pathological input (e.g. thousands of nested quotes) can exhaust the stack: print it as text.
    return escapeHtml(markdown);
  }
}

function children(node: { children: Nodes[] }): string {
  let out = '';
  for (const child of node.children) out += convert(child);
  return out;
}

function convert(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value);
    case 'paragraph':
      return `<p>${children(node)}</p>`;
    case 'emphasis':
      return `<em>${children(node)}</em>`;
    case 'strong':
      return `<strong>${children(node)}</strong>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'link':
      return isSafeUrl(node.url) ? `<a href="${escapeHtml(node.url)}">${children(node)}</a>` : children(node);
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<${tag}${start}>${node.children.map((item) => `<li>${node.spread ? children(item) : tight(item)}</li>`).join('')}</${tag}>`;
    }
    case 'listItem':
      return `<li>${children(node)}</li>`;
    case 'heading':
      return `<p><strong>${children(node)}</strong></p>`;
    case 'blockquote':
      return children(node);
    case 'code':
      return `<p>${escapeHtml(node.value)}</p>`;
    case 'image':
      return escapeHtml(node.alt ?? '');
    case 'linkReference': {
      // Resolved against the text's own definitions, with the same URL rule as inline links.
      const url = definitions.get(node.identifier);
      return url !== undefined && isSafeUrl(url) ? `<a href="${escapeHtml(url)}">${children(node)}</a>` : children(node);
    }
    case 'imageReference':
      return escapeHtml(node.alt ?? '');
    case 'html':
    case 'definition':
    case 'thematicBreak':
      return '';
    default:
      return 'children' in node ? children(node as { children: Nodes[] }) : 'value' in node ? escapeHtml(String((node as { value: unknown }).value)) : '';
  }
}

/**
 * The link definitions of a tree. The parser makes a reference (`[text][label]`, `[label]`) only
 * where the text defines its label; the first definition of a label counts.
 */
function definitionsOf(tree: Root): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Nodes) => {
    if (node.type === 'definition') {
      if (!found.has(node.identifier)) found.set(node.identifier, node.url);
    } else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return found;
}

/** A tight list item's paragraphs print without <p>. */
function tight(item: { children: Nodes[] }): string {
  return item.children.map((c) => (c.type === 'paragraph' ? children(c) : convert(c))).join('');
}
