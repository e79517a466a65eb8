/**
 * Parsing with yaml: the options the notice format needs, quickly, and where too-deep nesting starts.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { newLineCounter, nodeKinds, yaml } from './yaml-lib.js';
import { MAX_DEPTH } from './limits.js';

/** Parse with the options the notice format needs (no merge keys, unique keys, YAML 1.2 core). */
export function parseYaml(text: string, lineCounter: LineCounter): Document.Parsed[] {
  // Duplicate keys are found in checkNodes: yaml's own check compares each key with every earlier
  // one (a 600 KB file of distinct keys took 27 s).
  const options = { lineCounter, uniqueKeys: false, merge: false, prettyErrors: false, strict: true, version: '1.2', schema: 'core', stringKeys: true } as const;
  return withQuietEnv(() => {
    const docs = yaml().parseAllDocuments(text, options);
    return Array.isArray(docs) ? docs : [docs];
  });
}

/**
 * Run `parse` with a plain object as process.env. yaml's Parser reads process.env.LOG_TOKENS once
 * per token, and reading process.env is a call into C++ each time (about a quarter of the parse
 * time for a notice). Parsing is synchronous, so a plain copy can stand in for it and be put back
 * before anything else runs.
 */
function withQuietEnv<T>(parse: () => T): T {
  const env = process.env;
  process.env = { LOG_TOKENS: env.LOG_TOKENS, LOG_STREAM: env.LOG_STREAM };
  try {
    return parse();
  } finally {
    process.env = env;
  }
}

/**
 * Where the nesting really passes MAX_DEPTH, given the offset where a lower bound of it does: the
 * same place the node walk reports for a shallower file. Only the text up to `bound` is parsed,
 * which is nested at most about MAX_DEPTH deep and so quick to parse.
 */
export function firstTooDeep(text: string, bound: number): number {
  const prefix = text.slice(0, bound + 1);
  const doc = parseYaml(prefix, newLineCounter())[0];
  const { isMap, isSeq } = nodeKinds();
  let found: number | undefined;
  const visit = (node: Node | null, depth: number): void => {
    if (!node || found !== undefined) return;
    if (depth > MAX_DEPTH) {
      found = node.range?.[0];
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key as Node | null, depth + 1);
        visit(pair.value as Node | null, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item as Node | null, depth + 1);
  };
  visit((doc?.contents ?? null) as Node | null, 1);
  return found !== undefined && found <= bound ? found : bound;
}
