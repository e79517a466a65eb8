/**
 * The loader's fast path (plain data from yaml's syntax tree) must give exactly what the full
 * path (a composed Document) gives, or give up. Held to that on every fixture and on mutated
 * notices: same data, same line table, same load and validation diagnostics.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML, { CST, Lexer } from 'yaml';
import { loadNotice, MAX_DEPTH, type LoadedNotice } from '../../src/load/read-notice.js';
import { readPlainYaml } from '../../src/load/plain-yaml.js';
import { coreValue, foldLines } from '../../src/load/plain-yaml-scalars.js';
import { quickLex } from '../../src/load/plain-yaml-lex.js';
import { BODY, CM, lexerTokens, NL, PLAIN, SP, Tokens } from '../../src/load/plain-yaml-tokens.js';
import { validateNotice } from '../../src/validate/validate-notice.js';
import { tree } from '../helpers/files.js';

const root = path.resolve(import.meta.dirname, '../..');
const yamlFiles = [...tree(path.join(root, 'test/fixtures'))]
  .map(([name, bytes]) => ({ name: `test/fixtures/${name}`, bytes }))
  .concat([...tree(path.join(root, 'notices'))].map(([name, bytes]) => ({ name: `notices/${name}`, bytes })))
  .filter((f) => /\.ya?ml$/.test(f.name));

const tookFastPath = (loaded: LoadedNotice) => Boolean(Object.getOwnPropertyDescriptor(loaded, 'doc')?.get);

/** Load both ways and return what differs (empty when nothing does). */
function differences(source: Uint8Array | string, file: string): { fast: boolean; diffs: string[] } {
  const fast = loadNotice(source, file);
  const full = loadNotice(source, file, { fast: false });
  const diffs: string[] = [];
  if (!isDeepStrictEqual(fast.data, full.data)) diffs.push('data');
  if (!isDeepStrictEqual(fast.diagnostics, full.diagnostics)) diffs.push('load diagnostics');
  if (!isDeepStrictEqual(fast.lineCounter.lineStarts, full.lineCounter.lineStarts)) diffs.push('line starts');
  if (!isDeepStrictEqual(validateNotice(fast).diagnostics, validateNotice(full).diagnostics)) diffs.push('validation diagnostics');
  return { fast: tookFastPath(fast), diffs };
}

describe('fast path agrees with the full path', () => {
  it(`on every YAML fixture and notice (${yamlFiles.length} files)`, () => {
    let fast = 0;
    for (const { name, bytes } of yamlFiles) {
      const result = differences(bytes, name);
      expect(result.diffs, name).toEqual([]);
      if (result.fast) fast++;
    }
    // Valid notices take the fast path; the invalid fixtures mostly do not.
    expect(fast).toBeGreaterThan(yamlFiles.length / 3);
    expect(fast).toBeLessThan(yamlFiles.length);
  });

  it('on 600 mutations of the two notices', () => {
    const bases = ['notices/kaspersky-technical-support.yaml', 'notices/praxisportal.yaml'].map((f) => readFileSync(path.join(root, f), 'utf8'));
    const random = mulberry32(20261128);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const inserts = [':', ': ', '-', '- ', ' ', '  ', '\t', '#', ' #', '"', "'", '[', ']', '{', '}', '&a ', '*a', '!!str ', '|', '>', '\n', '? ', ',', '\\', '\\u202E', '~', '0x1F', 'True', '.nan', '<<: ', '__proto__: ', '---\n', '...\n', '%YAML 1.2\n'];
    let fast = 0;
    let full = 0;
    for (let i = 0; i < 600; i++) {
      let text = pick(bases);
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) text = mutate(text, random, pick, inserts);
      const result = differences(text, `mutant-${i}.yaml`);
      expect(result.diffs, `mutant ${i}:\n${text}`).toEqual([]);
      if (result.fast) fast++;
      else full++;
    }
    // Both paths are exercised, so the comparison means something.
    expect(fast).toBeGreaterThan(100);
    expect(full).toBeGreaterThan(100);
  });
});

describe('quickLex yields the tokens of yaml\'s lexer, or gives up', () => {
  const lexed = (text: string) => [...new Lexer().lex(text)];
  /**
   * quickLex's tokens as the strings yaml's Lexer yields (its zero-width markers put back), or
   * undefined when it gives up. When those strings are the Lexer's, the token list must also be
   * the one the loader makes from the Lexer's output: same kinds, offsets and indentation.
   */
  const quickLexed = (text: string): string[] | undefined => {
    const toks = new Tokens().reset(text);
    if (!quickLex(text, toks)) return undefined;
    const strings = asLexerStrings(toks);
    if (isDeepStrictEqual(strings, lexed(text))) expect(listed(toks), text).toEqual(listed(lexerTokens(text)));
    return strings;
  };
  /** True when quickLex reads `text` (its tokens then checked against yaml's Lexer), false when it gives up. */
  const readAlike = (text: string, label: string): boolean => {
    const tokens = quickLexed(text);
    if (tokens === undefined) return false;
    expect(tokens, label).toEqual(lexed(text));
    return true;
  };
  const out = mkdtempSync(path.join(tmpdir(), 'noticekit-quicklex-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it(`on every YAML fixture and notice (${yamlFiles.length} files)`, () => {
    let read = 0;
    for (const { name, bytes } of yamlFiles) {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      if (readAlike(text, name)) read++;
    }
    // All but the hostile, broken and unusual ones (multi-line quotes, flow mappings, CRs).
    expect(read).toBeGreaterThan(yamlFiles.length * 0.8);
  });

  it('on generated corpus notices (block scalars, flow lists), every one read', () => {
    const corpus = path.join(out, 'corpus');
    execFileSync(process.execPath, [path.join(root, 'scripts/gen-corpus.mjs'), '--count', '30', '--out', corpus]);
    for (let n = 1; n <= 30; n++) {
      const name = `notice-${String(n).padStart(4, '0')}.yaml`;
      const text = readFileSync(path.join(corpus, name), 'utf8');
      // The benchmark corpus stays on the quick path: a change that sends it to yaml's lexer fails here.
      expect(quickLexed(text), name).toEqual(lexed(text));
    }
  });

  it('on 2,000 mutations of a generated notice and the repository\'s notices (plain, quoted, continued and block scalars, lists, flow lists, comments)', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/gen-large-notice.mjs'), '--clauses', '400', '--out', out]);
    // The first 300 lines of each version: every form the generator writes, and quick to lex 3,000 times.
    const bases = ['a.yaml', 'b.yaml'].map((f) => `${readFileSync(path.join(out, f), 'utf8').split('\n').slice(0, 300).join('\n')}\n`);
    // And two of the repository's notices, for block scalars and flow lists.
    for (const f of ['notices/kaspersky-technical-support.yaml', 'notices/praxisportal.yaml']) bases.push(readFileSync(path.join(root, f), 'utf8').split('\n').slice(0, 300).join('\n'));
    const random = mulberry32(20261202);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const inserts = [':', ': ', '-', '- ', ' ', '  ', '    ', '\t', '#', ' #', '# c', ' # c', '"', "'", "''", '\\"', '[', '{', '&a ', '*a', '!', '|', '>', '\n', '\n\n', '\n  ', '\n      ', '\n# c\n', '? ', ',', '\\', '\r', '\r\n', '---', '...', '%', '@', 'x:y', 'a: b', '-x', '.x', '|-', '>+', '|2', '[]', '[x, ', ' ]', ', ', '"a",'];
    let read = 0;
    let gaveUp = 0;
    for (let i = 0; i < 2000; i++) {
      let text = pick(bases);
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) text = mutate(text, random, pick, inserts);
      if (readAlike(text, `mutant ${i}:\n${text}`)) read++;
      else gaveUp++;
    }
    // Both outcomes are common, so the comparison means something.
    expect(read).toBeGreaterThan(400);
    expect(gaveUp).toBeGreaterThan(400);
  });

  it('on 4,000 generated layouts of block scalars and flow lists', () => {
    const random = mulberry32(20261215);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    // Mostly what is read, sometimes what is not.
    const often = <T>(usual: readonly T[], odd: readonly T[]): T => pick(random() < 0.85 ? usual : odd);
    const spaces = (k: number) => ' '.repeat(Math.max(0, k));
    const headers = ['|', '>', '|-', '|+', '>-', '>+', '|1', '|2', '>3', '|2-', '|-2', '>+1'];
    const oddHeaders = ['|9', '|0', '|x', '|-+', '|12', '>-#c'];
    const bodyLines = ['text', 'two words', '# not a comment', '- item', 'a: b', '---', 'x #y', '[x]'];
    const flowItems = ['x', 'two words', '"q, x"', "'it''s'", 'a:b', 'http://x.org/#a', ' x '];
    const oddItems = ['', 'a: b', '[y]', '{y}', '-x', '&a x', '*a', '!t x', '# c', 'a:'];
    /** A block scalar or flow list after a key or `- ` whose body is indented more than `parent`. */
    const value = (parent: number): string => {
      if (random() < 0.4) {
        const items = Array.from({ length: Math.floor(random() * 4) }, () => often(flowItems, oddItems));
        let list = `[${items.join(often([', ', ','], [' ,', ',,']))}${often(['', ' '], [',', ', '])}]`;
        if (random() < 0.05) list = list.replace(',', `,\n${spaces(parent + 2)}`);
        return `${list}${often(['', ' # c', '  '], [' x', '#c', ':'])}\n`;
      }
      let text = `${often(headers, oddHeaders)}${often(['', ' # c', '  '], ['#c', ' x'])}\n`;
      const body = parent + pick([1, 2, 2, 3, 4]);
      for (let k = Math.floor(random() * 6); k > 0; k--) {
        if (random() < 0.3) text += `${spaces(Math.floor(random() * (body + 3)))}\n`;
        else text += `${spaces(body + pick([0, 0, 0, 0, 1, 2, -1, -body]))}${pick(bodyLines)}\n`;
      }
      return text;
    };
    let read = 0;
    let gaveUp = 0;
    for (let i = 0; i < 4000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const form = Math.floor(random() * 3);
        if (form === 0) text += `k${k}: ${value(0)}`;
        else if (form === 1) text += `k${k}:\n  - ${value(2)}`;
        else text += `k${k}:\n  - m: ${value(4)}`;
      }
      // Endings: blank lines, spaces, a last key, no final line break.
      text += pick(['', '', '\n', '\n\n', '  \n', '    ', 'last: 1\n', 'last: 1']);
      if (random() < 0.2) text = text.replace(/\n$/, '');
      if (readAlike(text, `layout ${i}:\n${text}`)) read++;
      else gaveUp++;
    }
    expect(read).toBeGreaterThan(1000);
    expect(gaveUp).toBeGreaterThan(500);
  });

  it.each([
    'a: b',
    'a:  \nb: c   \n',
    '\n\n# c\n  \na: 1\n',
    'a: 1\n  # c\nb: x # y\n',
    'a: "x\\"y"  # c\nb: \'it\'\'s\'\n',
    'a:\n- b\n-   c\n-\n- - d\n',
    '- a: 1\n  b: 2\n',
    'a: b\n   c\n\n  # note\nd: e\n',
    'a: one\n  two  \n  three\n\nb: x:y http://example.com/#top\n',
    'list:\n  - long item\n    continued\n  - id: x\n    text: more\n      and more\n',
    // Block scalars: chomping, explicit indentation, blank lines inside and after, comments.
    'a: |\n  x\n',
    'a: |-\n  x\n\n',
    'a: |+\n  x\n\n\nb: 1\n',
    'a: >-\n  one\n  two\n\n  three\nb: c\n',
    'a: >+\n  x\n  \n',
    'a: |2\n   x\n  y\n',
    'a: |1-\n  x\n b: 1\n',
    'a:\n  - |2+\n     x\n\n',
    'a: >-  # note\n  x\n',
    'a: |\n\n  x\n\n   \n  y\n\n  \n',
    'a: |\n  x\n     \n',
    'a: |\n  # not a comment\n  x\n# a comment\nb: 1\n',
    'a: |\nb: 1\n',
    'a: |\n\nb: 1\n',
    'a: |',
    'a: >\n',
    'a: |-\n  x',
    'a: |\n  x\n\n\n',
    'a: |\n  x\n    ',
    'list:\n  - |\n    x\n  - >-\n    y\n\n    z\n  - id: q\n    text: |\n      t\n',
    // Flow lists on one line.
    'a: []',
    'a: [ ]\n',
    'a: [x]\nb: [y, z]\n',
    'a: [x, "y, z", \'w\']',
    'a: [ x , y ]  # c\n',
    'a: [x, y, ]',
    'a: [,x,,]',
    'a: [Kaspersky Lab, KL]',
    'a: [http://x.org/a:b, a#b]',
    '- [a, b]\n- []\n',
  ])('reads %j', (text) => {
    const tokens = quickLexed(text);
    expect(tokens).toBeDefined();
    expect(tokens).toEqual(lexed(text));
  });

  it.each([
    ['a block scalar header with other characters', 'a: |x\n  y\n'],
    ['a zero indentation indicator', 'a: |0\n  x\n'],
    ['two indentation indicators', 'a: |12\n  x\n'],
    ['two chomping indicators', 'a: |-+\n  x\n'],
    ['a comment right after the header', 'a: |#c\n  x\n'],
    ['text after the header', 'a: | x\n  y\n'],
    ['a block scalar on a line of its own', 'a:\n  |\n  x\n'],
    ['a nested flow list', 'a: [[x]]'],
    ['a flow mapping in a list', 'a: [{b: 1}]'],
    ['a flow mapping', 'a: {b: 1}'],
    ['a flow list spanning lines', 'a: [x,\n  y]'],
    ['an unclosed flow list', 'a: [x'],
    ['a key in a flow list', 'a: [x: y]'],
    ['a flow key ending at the bracket', 'a: [x:]'],
    ['a comment in a flow list', 'a: [x #c\n  ]'],
    ['text after a flow list', 'a: [x] y'],
    ['a flow list as a key', 'a: [x]: y'],
    ['a comment right after a flow list', 'a: [x]#c'],
    ['an anchor in a flow list', 'a: [&a x]'],
    ['an alias in a flow list', 'a: [*a]'],
    ['a tag in a flow list', 'a: [!t x]'],
    ['text after a quoted item', 'a: ["x" y]'],
    ['a flow list at a line start', '[x]: y'],
    ['a tab', 'a:\tb'],
    ['a CR', 'a: b\r\n'],
    ['a quoted key', '"a": b'],
    ['a continued scalar with a blank line', 'a: b\n\n  c\n'],
    ['a multi-line quoted scalar', 'a: "b\n  c"'],
    ['a document start', '---\na: 1'],
    ['an indented first line', '  a: 1'],
    ['a scalar that is no key or list item', 'a: 1\nb\n'],
  ])('gives up on %s', (_name, text) => {
    expect(quickLexed(text)).toBeUndefined();
  });
});

describe('readPlainYaml', () => {
  const read = (text: string) => readPlainYaml(text, lineStartsOf(text), MAX_DEPTH);
  const options = { version: '1.2', schema: 'core', stringKeys: true, strict: true, uniqueKeys: false, merge: false } as const;

  it.each([
    'v: ~\nw: null\nx: NULL\ny:\nz: ""',
    'a: true\nb: True\nc: FALSE\nd: yes\ne: no\nf: on',
    'a: 12\nb: +12\nc: -0\nd: 012\ne: 0o17\nf: 0x1F\ng: 1_000\nh: 0b101\ni: 99999999999999999999',
    'a: 1.5\nb: .5\nc: 1.\nd: 1e3\ne: -2.5E-3\nf: .inf\ng: -.Inf\nh: +.INF\ni: .NaN\nj: 1.0',
    "a: '012'\nb: \"true\"\nc: 'it''s'\nd: \"tab\\there \\u00e9\"\ne: 2021-06-01\nf: P1M",
    'text: |\n  line one\n  line two\n\nkeep: |+\n  x\n\nstrip: >-\n  folded\n  text\n\n  para\n',
    'plain: this is\n  one long\n  plain text\nafter: x # comment\n# full-line comment\nlast: y',
    'list:\n  - a\n  - b: 1\n    c: [x, "y", 3]\n  -\n  -\n    d: 2\nempty: []\nkey with spaces: v\n"quoted key": w',
    'a:\n  - x\n  # between\n  - y\nb: # after the colon\n  c: 1\n\n\nd: [ x ]  # after a list\n',
    'a:\n- x\n- y\nb: x:y\nc: http://example.com/a#b',
  ])('reads what yaml reads: %j', (text) => {
    const data = read(text);
    expect(data).toBeDefined();
    expect(data).toEqual(YAML.parse(text, options));
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: 2'],
    ['an alias', 'a: 1\nb: *a'],
    ['a tag', 'a: !!str 1'],
    ['a local tag', 'a: !thing x'],
    ['a directive', '%YAML 1.2\n---\na: 1'],
    ['a document start', '---\na: 1'],
    ['a document end', 'a: 1\n...\n'],
    ['two documents', 'a: 1\n---\nb: 2'],
    ['a flow mapping', 'a: {b: 1}'],
    ['a multi-line flow list', 'a: [x,\n  y]'],
    ['a flow list with a trailing comma', 'a: [x, y, ]'],
    ['a tab as indentation', 'a:\n\tb: 1'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a merge key', 'a: 1\n<<: {b: 2}'],
    ['__proto__', '__proto__: {}\na: 1'],
    ['constructor', 'constructor: x'],
    ['an explicit key', '? a\n: 1'],
    ['a mapping on the key line', 'a: b: c'],
    ['a comment without a space', 'a: "x"#c'],
    ['a key without a value', 'a: 1\nb\nc: 2'],
    ['a multi-line key', '"a\n b": 1'],
    ['a bidi escape', 'a: "x\\u202Ey"'],
    ['a NUL escape', 'a: "x\\0y"'],
    ['a lone surrogate escape', 'a: "\\uD800"'],
    ['a bad escape', 'a: "\\q"'],
    ['an unclosed quote', 'a: "open\nb: 1'],
    ['an unclosed bracket', 'a: [x, y\nb: 1'],
    ['a list at the top', '- a\n- b'],
    ['a scalar at the top', 'just text'],
    ['bad indentation', 'a:\n  b: 1\n c: 2'],
    ['a key over 1024 characters', `${'k'.repeat(1030)}: 1`],
    ['a list in a list item on one line', 'a:\n  - - x'],
    ['a key in the wrong column', 'a:\n  b: 1\n   c: 2'],
    ['a list item in a mapping column', 'a: 1\n- b'],
    ['a value more indented than its mapping', 'a: 1\n  b: 2'],
    ['a plain scalar starting with an indicator', 'a: ?x'],
    ['a lone carriage return', 'a: 1\rb: 2'],
    ['an explicit indentation indicator', 'a: |2\n   x'],
  ])('gives up on %s', (_what, text) => {
    expect(read(text)).toBeUndefined();
  });

  it('types plain scalars as the core schema does', () => {
    const words = ['', '~', 'n', 'no', 'nul', 'null', 'Null', 'NULL', 'nuLL', 'nulls', 'Nullable', 't', 'true', 'True', 'TRUE', 'tRUE', 'trues', 'Truest', 'f', 'fals', 'false', 'False', 'FALSE', 'falsy', 'Falsehood', 'fraud prevention', 'nan', '.nan', '.NaN', '.inf', '-.Inf', '+.INF', '0', '-0', '+12', '012', '0o17', '0o18', '0x1F', '0x', '1e3', '1.', '.5', '-2.5E-3', '1_000', 'x', 'ü'];
    for (const word of words) expect(coreValue(word), JSON.stringify(word)).toEqual(YAML.parse(`v: ${word}`, { version: '1.2', schema: 'core' }).v);
  });

  it('folds multi-line plain scalars as yaml does, or leaves them to yaml (2,000 generated)', () => {
    const random = mulberry32(20261216);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    let folded = 0;
    let left = 0;
    for (let i = 0; i < 2000; i++) {
      // A scalar's source: starts and ends with text; lines of words with spaces around them.
      let source = 'w';
      for (let k = 1 + Math.floor(random() * 5); k > 0; k--) {
        source += random() < 0.9 ? pick([' ', '  ', '\n', '\n  ', '  \n    ']) : pick(['\n\n  ', '\n   \n ', '\t', '\n\t', ' \r\n ']);
        source += pick(['x', 'two words', 'ü', 'a:b', '#c', "it's"]);
      }
      const yaml = CST.resolveAsScalar({ type: 'scalar', offset: 0, indent: 0, source })!.value;
      const ours = foldLines(source);
      if (ours === undefined) {
        left++;
        continue;
      }
      expect(ours, JSON.stringify(source)).toBe(yaml);
      folded++;
    }
    expect(folded).toBeGreaterThan(400);
    expect(left).toBeGreaterThan(400);
  });

  it('gives up beyond the nesting limit, and reads up to it', () => {
    const nest = (depth: number) => {
      let text = '';
      for (let d = 0; d < depth; d++) text += `${'  '.repeat(d)}k${d}:\n`;
      return `${text}${'  '.repeat(depth)}leaf: 1\n`;
    };
    expect(read(nest(MAX_DEPTH - 2))).toBeDefined();
    expect(read(nest(MAX_DEPTH + 2))).toBeUndefined();
    expect(loadNotice(nest(MAX_DEPTH + 2)).diagnostics.map((d) => d.code)).toContain('nesting-too-deep');
  });

  it('composes the Document when asked, once, and copies of the result have it too', () => {
    const loaded = loadNotice(readFileSync(path.join(root, 'notices/praxisportal.yaml')), 'praxisportal.yaml');
    expect(tookFastPath(loaded)).toBe(true);
    const doc = loaded.doc!;
    expect(loaded.doc).toBe(doc);
    expect(doc.errors).toEqual([]);
    expect(doc.toJS()).toEqual(loaded.data);
    // A spread copy (as the lint command makes to rename the file) keeps the document.
    expect({ ...loaded, file: 'other.yaml' }.doc).toBe(doc);
  });
});

/** Apply one random edit: insert a token, delete characters, re-indent, duplicate or swap lines. */
function mutate(text: string, random: () => number, pick: <T>(xs: readonly T[]) => T, inserts: readonly string[]): string {
  const at = Math.floor(random() * text.length);
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 6)) {
    case 0:
      return text.slice(0, at) + pick(inserts) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
    case 2:
      lines[line] = random() < 0.5 ? ` ${lines[line]}` : lines[line]!.replace(/^ /, '');
      return lines.join('\n');
    case 3:
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    case 4: {
      const next = Math.min(lines.length - 1, line + 1);
      [lines[line], lines[next]] = [lines[next]!, lines[line]!];
      return lines.join('\n');
    }
    default:
      // Insert at a line start, where structure is decided.
      lines[line] = pick(inserts) + lines[line];
      return lines.join('\n');
  }
}

/** A token list as plain arrays, to compare two. */
function listed(toks: Tokens): { kind: number[]; start: number[]; ind: number[] } {
  const n = toks.count;
  return { kind: [...toks.kind.subarray(0, n)], start: [...toks.start.subarray(0, n)], ind: [...toks.ind.subarray(0, n)] };
}

/**
 * The strings yaml's Lexer yields for a token list's text: each token's source, a scalar marker
 * before each plain scalar and block scalar body, a document marker before the first content.
 */
function asLexerStrings(toks: Tokens): string[] {
  const out: string[] = [];
  let inDocument = false;
  for (let i = 0; i < toks.count; i++) {
    const k = toks.kind[i]!;
    if (!inDocument && k !== SP && k !== NL && k !== CM) {
      out.push(CST.DOCUMENT);
      inDocument = true;
    }
    if (k === PLAIN || k === BODY) out.push(CST.SCALAR);
    out.push(toks.source(i));
  }
  return out;
}

/** Offsets where the lines of a text start (after each LF), as the loader passes them. */
function lineStartsOf(text: string): number[] {
  return [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
}

/** Small seeded PRNG, so a failing mutant can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
