/**
 * Word-level comparison of one text in one locale: tokens from `Intl.Segmenter` (so words are
 * found the way the language writes them), aligned with jsdiff's `diffArrays`.
 */
// The one function used, from its own module: the package's index loads some twenty.
import { diffArrays } from 'diff/lib/diff/array.js';
import { distance } from 'fastest-levenshtein';
import { tokenize } from '../notice/words.js';
import type { WordPart } from './types.js';

/**
 * Normalise a text so that layout alone is no change: CRLF to LF, no trailing spaces, runs of
 * spaces inside a line collapsed (leading indentation kept, it matters to Markdown lists).
 * @param text a text from a notice
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/(\S)[ \t]+/g, '$1 ').trimEnd())
    .join('\n')
    .trim();
}

export { tokenize };

/**
 * Word diff of two texts in one locale, as runs of unchanged, removed and added text.
 * @param before old text (normalised)
 * @param after new text (normalised)
 * @param locale BCP 47 tag of both texts
 */
export function diffWords(before: string, after: string, locale: string): WordPart[] {
  // jsdiff copies the arrays it is given; the tokens are kept for the next caller unchanged.
  const changes = diffArrays(tokenize(before, locale) as string[], tokenize(after, locale) as string[]);
  const parts: WordPart[] = [];
  for (const c of changes) {
    const op = c.added ? '+' : c.removed ? '-' : '=';
    const text = c.value.join('');
    const last = parts[parts.length - 1];
    if (last && last[0] === op) last[1] += text;
    else parts.push([op, text]);
  }
  return joinChanges(parts);
}

/**
 * Merge changes separated only by white space into one removal and one addition, so a rewritten
 * sentence reads `[-old words-]{+new words+}` rather than alternating word by word.
 */
function joinChanges(parts: readonly WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push(['-', removed]);
    if (added) out.push(['+', added]);
    removed = '';
    added = '';
  };
  parts.forEach(([op, text], i) => {
    if (op === '-') removed += text;
    else if (op === '+') added += text;
    else if ((removed || added) && i + 1 < parts.length && /^\s+$/.test(text)) {
      removed += text;
      added += text;
    } else {
      flush();
      out.push([op, text]);
    }
  });
  flush();
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * True when a word diff is a spelling, grammar or punctuation fix: at most three changed spots,
 * each replacing at most two words by at most two words that differ by at most two characters
 * (`übermittelt` -> `übermitteln`, `sends` -> `send`).
 * @param parts a word diff from {@link diffWords}
 */
export function isMinorEdit(parts: readonly WordPart[]): boolean {
  const spots = changedSpots(parts);
  return (
    spots.length <= 3 &&
    spots.every(({ removed, added }) => (removed.match(WORD)?.length ?? 0) <= 2 && (added.match(WORD)?.length ?? 0) <= 2 && distance(removed.trim(), added.trim()) <= 2)
  );
}

/**
 * The changed spots of a word diff: each run of removed/added parts between unchanged ones.
 * @param parts a word diff from {@link diffWords}
 */
export function changedSpots(parts: readonly WordPart[]): { removed: string; added: string }[] {
  const spots: { removed: string; added: string }[] = [];
  for (let i = 0; i < parts.length; ) {
    if (parts[i]![0] === '=') {
      i++;
      continue;
    }
    let removed = '';
    let added = '';
    while (i < parts.length && parts[i]![0] !== '=') {
      if (parts[i]![0] === '-') removed += parts[i]![1];
      else added += parts[i]![1];
      i++;
    }
    spots.push({ removed, added });
  }
  return spots;
}

/**
 * Count the removed and added words of a word diff.
 * @param parts a word diff from {@link diffWords}
 */
export function countWords(parts: readonly WordPart[]): { removed: number; added: number } {
  let removed = 0;
  let added = 0;
  for (const [op, text] of parts) {
    const n = text.match(WORD)?.length ?? 0;
    if (op === '-') removed += n;
    else if (op === '+') added += n;
  }
  return { removed, added };
}
