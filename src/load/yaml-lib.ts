/**
 * The yaml library, loaded in the parts the code asks for. Reading a valid notice needs only
 * yaml's lexer, its scalar resolution (CST), and its line counter: those modules load in ~12 ms;
 * the whole library (~70 modules: composer, schema, stringifier) in ~40 ms, which every command
 * paid at startup, a tenth of a diff of two 1,000-clause notices. The whole library is loaded when
 * a document is composed (an invalid notice, a position to report, lint, import).
 *
 * The parts are yaml's own CommonJS modules, by their place in its `dist/` folder (not among the
 * paths its package exports, so they are required by file name). They are the very objects its
 * index re-exports (one module cache): where a release lays them out otherwise, the whole library
 * stands in for them; the tests check that each part is what the index exports.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);

let whole: typeof Yaml | undefined;
/** The whole yaml library. */
export function yaml(): typeof Yaml {
  return (whole ??= require('yaml') as typeof Yaml);
}

let dist: string | null | undefined;
/** One of yaml's modules by its file in `dist/`, or `fallback` of the whole library when it will not load. */
function part<T>(file: string, fallback: (y: typeof Yaml) => T): T {
  if (dist === undefined) {
    try {
      dist = path.dirname(require.resolve('yaml'));
    } catch {
      dist = null;
    }
  }
  if (dist !== null) {
    try {
      return require(path.join(dist, file)) as T;
    } catch {
      // Another layout: the whole library below.
    }
  }
  return fallback(yaml());
}

/** yaml's node tests (`isMap`, `isScalar`, ...). */
export type NodeKinds = Pick<typeof Yaml, 'isAlias' | 'isMap' | 'isPair' | 'isScalar' | 'isSeq'>;
let kinds: NodeKinds | undefined;
export function nodeKinds(): NodeKinds {
  return (kinds ??= part('nodes/identity.js', (y) => y));
}

let cstModule: typeof Yaml.CST | undefined;
/** yaml's `CST` functions (token types, scalar resolution). */
export function cst(): typeof Yaml.CST {
  return (cstModule ??= part('parse/cst.js', (y) => y.CST));
}

let lexerClass: typeof Yaml.Lexer | undefined;
/** yaml's `Lexer` class. */
export function lexer(): typeof Yaml.Lexer {
  return (lexerClass ??= part<{ Lexer: typeof Yaml.Lexer }>('parse/lexer.js', (y) => y).Lexer);
}

let lineCounterClass: typeof Yaml.LineCounter | undefined;
/** A new, empty yaml `LineCounter`. */
export function newLineCounter(): Yaml.LineCounter {
  lineCounterClass ??= part<{ LineCounter: typeof Yaml.LineCounter }>('parse/line-counter.js', (y) => y).LineCounter;
  return new lineCounterClass();
}
