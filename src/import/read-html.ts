/**
 * Read HTML (and .docx, which mammoth turns into HTML) into source blocks.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { PhrasingContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { inlineMarkdown, plainText, pushHeading, pushList, pushParagraph, SAFE_LINK, type SourceBlock, type SourceItem } from './source-blocks.js';

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'iframe', 'object', 'button', 'select', 'input', 'textarea', 'canvas', 'video', 'audio']);
const BLOCK = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header', 'footer', 'aside', 'blockquote', 'figure', 'figcaption', 'address', 'form', 'fieldset', 'details', 'summary', 'dl', 'dt', 'dd', 'center', 'hr', 'pre']);

/** Read HTML into blocks; scripts, styles, navigation and forms are ignored. */
export function readHtml(html: string): SourceBlock[] {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const out: SourceBlock[] = [];
  const pending: PhrasingContent[] = [];
  const flush = () => {
    if (pending.length > 0) pushParagraph(out, trimPhrasing(pending.splice(0)));
  };
  const walk = (nodes: readonly HastNodes[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        pending.push({ type: 'text', value: node.value.replace(/\s+/g, ' ') });
        continue;
      }
      if (node.type !== 'element') continue;
      const tag = node.tagName;
      if (SKIP.has(tag)) continue;
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) {
        flush();
        pushHeading(out, Number(heading[1]), trimPhrasing(hastPhrasing(node.children)));
      } else if (tag === 'p') {
        flush();
        pending.push(...hastPhrasing(node.children));
        flush();
      } else if (tag === 'ul') {
        flush();
        pushList(out, hastListItems(node));
      } else if (tag === 'ol') {
        flush();
        for (const li of node.children) if (li.type === 'element' && li.tagName === 'li') walk(li.children), flush();
      } else if (tag === 'table') {
        flush();
        for (const row of descendants(node, 'tr')) {
          const cells = descendants(row, 'td').concat(descendants(row, 'th'));
          const parts = cells.map((cell) => trimPhrasing(hastPhrasing(cell.children))).filter((p) => p.length > 0);
          const joined: PhrasingContent[] = [];
          parts.forEach((p, i) => joined.push(...(i > 0 ? [{ type: 'text', value: ' – ' } as PhrasingContent] : []), ...p));
          if (joined.length > 0) pushParagraph(out, joined);
        }
      } else if (tag === 'br') {
        pending.push({ type: 'break' });
      } else if (BLOCK.has(tag) || tag === 'li') {
        flush();
        walk(node.children);
        flush();
      } else pending.push(...hastPhrasing([node]));
    }
  };
  walk(tree.children);
  flush();
  return out;
}

function descendants(node: Element, tag: string): Element[] {
  const found: Element[] = [];
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === tag) found.push(c);
    else if (c.tagName !== 'table') found.push(...descendants(c, tag));
  }
  return found;
}

function hastListItems(list: Element): SourceItem[] {
  const items: SourceItem[] = [];
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    const own = li.children.filter((c) => !(c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')));
    const phrasing = trimPhrasing(hastPhrasing(own));
    const md = inlineMarkdown(phrasing);
    if (md) items.push({ md, text: plainText(phrasing).replace(/\s+/g, ' ').trim() });
    for (const c of li.children) if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) items.push(...hastListItems(c));
  }
  return items;
}

/** HTML inline content as mdast phrasing content. */
function hastPhrasing(nodes: readonly HastNodes[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push({ type: 'text', value: node.value.replace(/\s+/g, ' ') });
    if (node.type !== 'element' || SKIP.has(node.tagName)) continue;
    const inner = () => hastPhrasing(node.children);
    switch (node.tagName) {
      case 'strong':
      case 'b':
        out.push({ type: 'strong', children: inner() });
        break;
      case 'em':
      case 'i':
        out.push({ type: 'emphasis', children: inner() });
        break;
      case 'a': {
        const href = typeof node.properties['href'] === 'string' ? node.properties['href'] : '';
        out.push(SAFE_LINK.test(href) ? { type: 'link', url: href, children: inner() } : ({ type: 'emphasis', children: inner(), data: { unwrap: true } } as PhrasingContent));
        break;
      }
      case 'br':
        out.push({ type: 'break' });
        break;
      case 'code':
        out.push({ type: 'inlineCode', value: plainText(inner()) });
        break;
      case 'img': {
        const alt = node.properties['alt'];
        if (typeof alt === 'string' && alt) out.push({ type: 'text', value: alt });
        break;
      }
      default:
        out.push(...inner());
    }
  }
  return unwrap(out);
}

/** Children marked for unwrapping (the text of an unsafe link) take the place of their parent. */
function unwrap(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((n) => ((n as { data?: { unwrap?: boolean } }).data?.unwrap ? unwrap((n as { children: PhrasingContent[] }).children) : [n]));
}

/** Drop leading and trailing white space and breaks of a run of inline content. */
function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  while (out.length > 0 && (out[0]!.type === 'break' || (out[0]!.type === 'text' && (out[0] as { value: string }).value.trim() === ''))) out.shift();
  while (out.length > 0 && (out[out.length - 1]!.type === 'break' || (out[out.length - 1]!.type === 'text' && (out[out.length - 1] as { value: string }).value.trim() === ''))) out.pop();
  if (out[0]?.type === 'text') out[0] = { type: 'text', value: out[0].value.replace(/^\s+/, '') };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value.replace(/\s+$/, '') };
  return out;
}
