/**
 * Characters a notice must not hold, reported where they are written: in the raw text (before YAML
 * can hide them in a scalar), and as double-quoted escapes that write them (`\u202E`, `\0`).
 */
import type { Severity } from '../diagnostics.js';
import { CONTROL, HIDDEN_ERROR, holdsHiddenCharacter, LONE_SURROGATE, SUSPICIOUS, SUSPICIOUS_ONE } from '../notice/characters.js';
import type { KeyPath } from '../notice/path.js';
import type { Reporter } from '../report/reporter.js';

/**
 * Report every control or invisible character of the raw text.
 * @param report positions offsets in the text (its line table must be the text's)
 */
export function checkRawCharacters(text: string, report: Reporter): void {
  for (const m of text.matchAll(SUSPICIOUS)) {
    const ch = m[0];
    const at = { offset: m.index };
    if (CONTROL.test(ch)) {
      const what = ch === '\u0000' ? 'a NUL byte' : `the control character U+${hex(ch)}`;
      report.add({ code: 'control-character', message: `The file contains ${what}; delete it (it is invisible in most editors).`, at });
    } else if (HIDDEN_ERROR.test(ch)) {
      report.add({ code: 'hidden-character', message: `Invisible character U+${hex(ch)} (${hiddenName(ch)}) can make the text read differently from what it says; delete it.`, at });
    } else {
      report.add({ code: 'hidden-character', message: `Invisible character U+${hex(ch)} (${hiddenName(ch)}); keep it only if the language needs it.`, at, severity: 'warning' });
    }
  }
}

const ESCAPE = /\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/gs;
const SINGLE_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', v: '\v', f: '\f', e: '\x1b', N: '\x85', _: '\xa0' };

/**
 * A double-quoted scalar can write with escapes (`\u202E`, `\0`, `\e`, `\uD800`) what the check of
 * the raw text never sees: report those characters like raw ones, at the escape that wrote them.
 */
export function checkEscapes(value: string, text: string, start: number, end: number, report: Reporter, path: KeyPath): void {
  const add = (code: 'invalid-encoding' | 'control-character' | 'hidden-character', message: string, offset: number, severity: Severity, at: KeyPath) => report.add({ code, message, at: { offset }, severity, path: [...at] });
  if (!holdsHiddenCharacter(value)) return;
  const escapes = [...text.slice(start, end).matchAll(ESCAPE)];
  const decode = (e: string | undefined) => {
    if (e === undefined || e.length <= 3) return e === undefined ? undefined : SINGLE_ESCAPES[e[1]!];
    const code = Number.parseInt(e.slice(2), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  };
  for (let i = 0; i < escapes.length; i++) {
    const m = escapes[i]!;
    const e = m[0];
    const ch = decode(e);
    if (ch === undefined) continue;
    const at = start + m.index;
    // A pair of escapes that together write one character (`\uD83D\uDE00`) is fine.
    const next = escapes[i + 1];
    if (/^[\uD800-\uDBFF]$/.test(ch) && next && next.index === m.index + e.length && /^[\uDC00-\uDFFF]$/.test(decode(next[0]) ?? '')) {
      i++;
      continue;
    }
    if (LONE_SURROGATE.test(ch)) add('invalid-encoding', `The escape \`${e}\` is half of a surrogate pair, not a character; write the character itself.`, at, 'error', path);
    else if (!SUSPICIOUS_ONE.test(ch)) continue;
    else if (CONTROL.test(ch)) add('control-character', `The escape \`${e}\` writes ${ch === '\u0000' ? 'a NUL byte' : `the control character U+${hex(ch)}`}; delete it.`, at, 'error', path);
    else if (HIDDEN_ERROR.test(ch)) add('hidden-character', `The escape \`${e}\` writes the invisible character U+${hex(ch)} (${hiddenName(ch)}), which can make the text read differently from what it says; delete it.`, at, 'error', path);
    else add('hidden-character', `The escape \`${e}\` writes the invisible character U+${hex(ch)} (${hiddenName(ch)}); keep it only if the language needs it.`, at, 'warning', path);
  }
}

function hex(ch: string): string {
  return ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

function hiddenName(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0x202a && code <= 0x202e) return 'bidirectional override';
  if (code >= 0x2066 && code <= 0x2069) return 'bidirectional isolate';
  if (code === 0x200e || code === 0x200f) return 'direction mark';
  if (code === 0x200c || code === 0x200d) return 'zero-width joiner';
  if (code === 0xfeff) return 'byte-order mark inside the text';
  return 'zero-width space';
}
