/**
 * The last line of defence for Markdown output: validation refuses raw HTML, images and unsafe
 * links in texts, but remark-stringify would print any that got through verbatim. Here raw HTML
 * becomes text (printed escaped), an image its alt text, an unsafe link its text, and an unsafe
 * definition disappears. Trees are shared and cached, so nothing is changed in place.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { isSafeUrl } from '../../notice/markdown.js';

/** True if the node or any below it needs sanitising (the common case is a quick no). */
function needsWork(node: Nodes): boolean {
  switch (node.type) {
    case 'html':
    case 'image':
    case 'imageReference':
      return true;
    case 'link':
    case 'definition':
      if (!isSafeUrl(node.url)) return true;
      break;
    default:
      break;
  }
  return 'children' in node && (node.children as Nodes[]).some(needsWork);
}

// Parents whose children are inline (phrasing) content; raw HTML elsewhere is a block.
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

function clean(node: Nodes, phrasing: boolean): Nodes[] {
  switch (node.type) {
    case 'html':
      return phrasing ? [{ type: 'text', value: node.value }] : [{ type: 'paragraph', children: [{ type: 'text', value: node.value }] }];
    case 'image':
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'imageReference':
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'definition':
      return isSafeUrl(node.url) ? [node] : [];
    case 'link':
      if (!isSafeUrl(node.url)) return node.children.flatMap((child) => clean(child, true));
      break;
    default:
      break;
  }
  if (!('children' in node) || !needsWork(node)) return [node];
  const inline = PHRASING_PARENTS.has(node.type);
  return [{ ...node, children: (node as Parent).children.flatMap((child) => clean(child as Nodes, inline)) } as Nodes];
}

/**
 * A copy of the tree without raw HTML, images or unsafe links (the tree itself when it has none).
 * @param tree a Markdown syntax tree, not modified
 */
export function sanitizeTree(tree: Root): Root {
  return needsWork(tree) ? (clean(tree, false)[0] as Root) : tree;
}
