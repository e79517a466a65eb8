/**
 * Find where a key path is in the YAML source.
 */
import type { Node } from 'yaml';
import { nodeKinds } from '../load/yaml-lib.js';
import type { LoadedNotice } from '../load/read-notice.js';

/** What positioning needs of a loaded notice. */
export type Positions = Pick<LoadedNotice, 'doc' | 'lineCounter'>;

/** A 1-based source range. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offset of the start, in the text. */
  offset: number;
}

/**
 * Locate a key path in a loaded notice.
 * @param path keys and list indices from the root
 * @param at `value` for the value's node, `key` for the key naming it (falls back to the value)
 * @returns the closest existing node's range (a missing key points at its parent)
 */
export function locate(loaded: Positions, path: readonly (string | number)[], at: 'value' | 'key' = 'value'): Place {
  const { node, keyNode } = resolvePath(loaded, path);
  const target = at === 'key' && keyNode ? keyNode : node;
  const range = target?.range ?? [0, 0, 0];
  return placeOf(loaded, range[0], range[1]);
}

/** Convert a 0-based offset range to a 1-based Place. */
export function placeOf(loaded: Positions, start: number, end: number): Place {
  const a = loaded.lineCounter.linePos(start);
  const b = loaded.lineCounter.linePos(end);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col, offset: start };
}

/** The YAML node at a path, if the whole path exists. */
export function nodeAt(loaded: Positions, path: readonly (string | number)[]): Node | undefined {
  const found = resolvePath(loaded, path);
  return found.complete ? (found.node ?? undefined) : undefined;
}

/**
 * The YAML source of the scalar at a path and its offset in the text, to find words inside it
 * (folded and quoted scalars differ from their value, so the value alone cannot be positioned).
 */
export function scalarSource(loaded: Positions & Pick<LoadedNotice, 'text'>, path: readonly (string | number)[]): { source: string; start: number } | undefined {
  const node = nodeAt(loaded, path);
  if (!nodeKinds().isScalar(node) || !node.range) return undefined;
  return { source: loaded.text.slice(node.range[0], node.range[1]), start: node.range[0] };
}

/** Follow a path as far as it exists; `complete` says whether it got to the end. */
function resolvePath(loaded: Positions, path: readonly (string | number)[]) {
  const { isMap, isPair, isScalar, isSeq } = nodeKinds();
  let node: Node | null | undefined = loaded.doc?.contents as Node | null | undefined;
  let keyNode: Node | undefined;
  let complete = true;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) {
        complete = false;
        break;
      }
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof part === 'number' && part < node.items.length) {
      keyNode = undefined;
      node = node.items[part] as Node | null;
    } else {
      complete = false;
      break;
    }
  }
  return { node, keyNode, complete };
}
