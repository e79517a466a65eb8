/**
 * Reading parsed HTML (parse5 trees) in tests: every element, an attribute, the text of a node.
 */
import type { DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** Every element below `root` (template contents included), in document order. */
export function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) out.push(node as Element);
    if ('childNodes' in node) for (const c of (node as Element).childNodes) walk(c);
    if ('content' in node && (node as DefaultTreeAdapterMap['template']).content) walk((node as DefaultTreeAdapterMap['template']).content);
  };
  walk(root);
  return out;
}

/** The value of an attribute, or undefined. */
export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** The text of a node and everything below it. */
export const text = (node: Node): string => (node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? (node as Element).childNodes.map(text).join('') : '');
