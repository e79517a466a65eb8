/**
 * House keeping: a draft made by `noticekit import` or `noticekit init` marks each place a person
 * must decide with a `# TODO: ...` comment; a notice still holding one is not finished.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { LoadedNotice } from '../../load/read-notice.js';
import { TODO_MARK } from '../../import/draft-yaml.js';
import { scanYamlTokens } from '../../load/scan-yaml-tokens.js';
import type { Finding, LintRule, Path } from '../types.js';

/** The comment prefix import and init write (`draftToYaml`), case and spacing as written. */
const TODO_PREFIX = `# ${TODO_MARK}`;

/** Longest TODO text quoted in a finding. */
const MAX_QUOTE = 100;

/** Top-level fields import fills with a placeholder beside its TODO (`version: '1.0'`, the import's day, `art13`). */
const PLACEHOLDER_KEYS = new Set(['version', 'effectiveDate', 'noticeType']);

/** Rule `todo-left`: The notice holds no TODO comment left by import or init. */
export const todoLeft: LintRule = {
  id: 'todo-left',
  article: 'noticekit',
  severity: 'error',
  summary: 'The notice holds no TODO comment left by import or init.',
  explanation:
    '`noticekit import` and `noticekit init` write a `# TODO: ...` comment above each value a person must decide, and import puts placeholders in some of them (`version: \'1.0\'`, the day of the import as `effectiveDate` when the source gives none, `noticeType: art13`). Published unreviewed, these would print facts the notice never stated, so every such comment is an error until it is resolved. Only YAML comments starting with `# TODO:` are reported; the word TODO in a text, or a `# TODO:` line inside a block scalar (which is text), is not.',
  fix: 'Write what the notice states at that place, then delete the comment.',
  check({ loaded }) {
    const text = loaded.text;
    // Most notices hold no TODO at all: skip the token scan for them.
    if (!text.includes(TODO_PREFIX)) return [];
    const comments: { offset: number; end: number; todo: string }[] = [];
    scanYamlTokens(text, (token) => {
      if (token.type !== 'comment' || !token.source.startsWith(TODO_PREFIX)) return;
      const source = token.source.replace(/\r$/, '');
      comments.push({ offset: token.offset, end: token.offset + source.length, todo: source.slice(TODO_PREFIX.length).trim() });
    });
    if (comments.length === 0) return [];
    const starts = nodeStarts(loaded);
    return comments.map((c): Finding => {
      // A TODO is about the key or item under it; a trailing one (`key: value # TODO: ...`), its
      // line's; one at the top of the file (before any key), the notice's.
      const line = loaded.lineCounter.linePos(c.offset).line;
      const onLine = starts.filter((s) => s.offset < c.offset && loaded.lineCounter.linePos(s.offset).line === line).pop();
      const atTop = !starts.some((s) => s.offset < c.offset);
      const path = atTop ? [] : ((onLine ?? starts.find((s) => s.offset >= c.end))?.path ?? []);
      const placeholder = placeholderOf(loaded, path);
      const quote = c.todo.length > MAX_QUOTE ? `${c.todo.slice(0, MAX_QUOTE - 1).trimEnd()}…` : c.todo;
      const asks = `A TODO of the draft is left here${quote ? `: "${quote}"` : ''}`;
      const value = placeholder === undefined ? '' : `; the value under it (${path[0]}: ${placeholder}) is a placeholder until you check it`;
      return { message: `${asks}${value}; write what the notice states, then delete the comment.`, path, at: { offset: c.offset, end: c.end } };
    });
  },
};

/** Where each key and list item of the document starts, in document order, with its key path. */
function nodeStarts(loaded: LoadedNotice): { offset: number; path: Path }[] {
  const out: { offset: number; path: Path }[] = [];
  const walk = (node: unknown, path: Path): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const p = [...path, String(pair.key.value)];
        out.push({ offset: pair.key.range[0], path: p });
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const range = (item as Node | null)?.range;
        if (range) out.push({ offset: range[0], path: [...path, i] });
        walk(item, [...path, i]);
      });
    }
  };
  walk(loaded.doc?.contents, []);
  return out;
}

/** The value of a top-level field import fills with a placeholder, when the TODO is above it and it is not empty. */
function placeholderOf(loaded: LoadedNotice, path: Path): string | undefined {
  if (path.length !== 1 || !PLACEHOLDER_KEYS.has(String(path[0]))) return undefined;
  const node = loaded.doc?.get(path[0], true);
  if (!isScalar(node) || node.value === null || node.value === '') return undefined;
  return String(node.value);
}
