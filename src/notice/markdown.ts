/**
 * The Markdown of a notice's text fields: one parser (CommonMark via remark-parse, loaded lazily)
 * and the URL policy, shared by validation (which refuses unsafe texts) and the renderers (which
 * check again before they write a link).
 */
import { createRequire } from 'node:module';
import type { Root } from 'mdast';

/** Link destinations that may be published: https, http, mailto, tel and in-page fragments. */
export const SAFE_URL = /^(https?:|mailto:|tel:|#)/i;

type MarkdownParser = { parse(text: string): Root };
type Unified = typeof import('unified');
type RemarkParse = typeof import('remark-parse');
let parser: MarkdownParser | undefined;

/**
 * The parser is loaded on first use: validation judges most texts without it (see check-markdown.ts), and its
 * modules take ~90 ms to load, a sixth of a `noticekit diff`. Node 20.19+ can require() these ES
 * modules synchronously; an older Node loads them up front instead.
 */
function markdownParser(): MarkdownParser {
  if (!parser) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as Unified;
    const remarkParse = (require('remark-parse') as RemarkParse).default;
    parser = unified().use(remarkParse);
  }
  return parser;
}
if (!(process.features as { require_module?: boolean }).require_module) {
  const [{ unified }, { default: remarkParse }] = await Promise.all([import('unified'), import('remark-parse')]);
  parser = unified().use(remarkParse);
}

/** Parse Markdown to an mdast tree (CommonMark, no GFM extensions). */
export function parseMarkdown(text: string): Root {
  return markdownParser().parse(text);
}

/** True if a link destination may be published. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore leading controls/space and embedded tabs/newlines in schemes; so do we.
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return SAFE_URL.test(cleaned);
}

