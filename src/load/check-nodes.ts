/**
 * The node walk of the loader: aliases, anchors, tags, merge keys, prototype keys, non-scalar keys,
 * duplicate keys and depth, reported at the place they are written; the plain data is built on the
 * way (what `doc.toJS()` would return, without a second walk).
 */
import type { Node } from 'yaml';
import { nodeKinds } from './yaml-lib.js';
import type { KeyPath } from '../notice/path.js';
import type { Reporter } from '../report/reporter.js';
import { checkEscapes } from './check-characters.js';
import { MAX_DEPTH } from './limits.js';
import { lastTokenBefore, type PropTokens } from './scan-yaml-tokens.js';
import { describeYamlError } from './yaml-errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walk the node tree once, reporting every hostile construct, and return the plain data.
 * @param root the document's top-level mapping
 * @param propTokens the lexer's anchors and tags, asked for only when a node has one
 * @param text the decoded source (to read the escapes of double-quoted scalars)
 */
export function checkNodes(root: Node, report: Reporter, propTokens: () => PropTokens, text: string): unknown {
  const { isAlias, isMap, isPair, isScalar, isSeq } = nodeKinds();
  const path: KeyPath = [];
  const add = (code: Parameters<Reporter['add']>[0]['code'], message: string, offset: number, at: KeyPath = path) => report.add({ code, message, at: { offset }, path: [...at] });
  let tooDeep = false;
  const visit = (node: Node | null, depth: number): unknown => {
    if (!node) return null;
    const at = node.range?.[0] ?? 0;
    if (depth > MAX_DEPTH) {
      // Once is enough: everything below is too deep as well.
      if (!tooDeep) add('nesting-too-deep', `The YAML is nested more than ${MAX_DEPTH} levels deep; a notice never needs that.`, at);
      tooDeep = true;
      return undefined;
    }
    if (isAlias(node)) {
      add('alias', `Aliases (*${node.source}) are not allowed; write the value out in full.`, at);
      return undefined;
    }
    if (node.anchor) {
      const name = `&${node.anchor}`;
      const token = lastTokenBefore(propTokens().anchors, at, (t) => t.source === name);
      add('alias', `Anchors (${name}) are not allowed; write the value out in full where it is needed.`, token?.offset ?? at);
    }
    if (node.tag) {
      const token = lastTokenBefore(propTokens().tags, at);
      const shown = token?.source ?? node.tag.replace('tag:yaml.org,2002:', '!!');
      add('tag', `The tag \`${shown}\` is not allowed; write the value without it (quote text if needed).`, token?.offset ?? at);
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        if (keyNode && !isScalar(keyNode)) {
          if (isAlias(keyNode)) visit(keyNode, depth + 1);
          else add('wrong-type', 'A key must be a plain word, not a list or mapping.', keyNode.range?.[0] ?? at);
          continue;
        }
        const key = keyNode ? String(keyNode.value) : '';
        const keyAt = keyNode?.range?.[0] ?? at;
        if (keyNode) visit(keyNode, depth + 1);
        if (seen.has(key)) add('duplicate-key', describeYamlError('DUPLICATE_KEY', '')[1], keyAt, [...path, key]);
        seen.add(key);
        if (key === '<<') add('merge-key', 'Merge keys (`<<`) are not allowed; write the keys out in full.', keyAt);
        path.push(key);
        if (FORBIDDEN_KEYS.has(key)) add('forbidden-key', `The key \`${key}\` is not allowed; delete it.`, keyAt);
        const value = visit(pair.value as Node | null, depth + 1);
        // Never assign a forbidden key, even to an object that is then thrown away.
        if (!FORBIDDEN_KEYS.has(key)) out[key] = value;
        path.pop();
      }
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      node.items.forEach((item, i) => {
        path.push(i);
        out.push(visit(item as Node | null, depth + 1));
        path.pop();
      });
      return out;
    }
    if (isScalar(node) && node.type === 'QUOTE_DOUBLE' && typeof node.value === 'string' && node.range) checkEscapes(node.value, text, node.range[0], node.range[1], report, path);
    return isScalar(node) ? node.value : undefined;
  };
  return visit(root, 1);
}
