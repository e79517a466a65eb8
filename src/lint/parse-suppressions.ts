/**
 * Suppression comments: `# noticekit-disable-next-line <rule>[, <rule>] -- <reason>`.
 */
import YAML, { isScalar } from 'yaml';
import type { LoadedNotice } from '../load/read-notice.js';

/** One suppression comment. */
export interface Suppression {
  /** 1-based line of the comment. */
  line: number;
  /** 1-based column of its `#`. */
  column: number;
  /** 1-based line the comment applies to: the next line that is neither blank nor a comment. */
  target: number;
  /** Rule ids named. */
  rules: string[];
  /** The reason after `--`, if given. */
  reason?: string;
}

const DIRECTIVE = /^([ \t]*)#[ \t]*noticekit-disable-next-line\b(.*)$/;

/**
 * Find every suppression comment of a notice. Lines inside a (block or multi-line) scalar are text,
 * not comments, and are skipped.
 * @param loaded the parsed notice file
 */
export function parseSuppressions(loaded: LoadedNotice): Suppression[] {
  const lines = loaded.text.split('\n');
  const inScalar: [number, number][] = [];
  if (loaded.doc) {
    YAML.visit(loaded.doc, {
      Scalar(_, node) {
        if (isScalar(node) && node.range) inScalar.push([node.range[0], node.range[1]]);
      },
    });
  }
  const out: Suppression[] = [];
  let offset = 0;
  lines.forEach((raw, i) => {
    const lineStart = offset;
    offset += raw.length + 1;
    const m = DIRECTIVE.exec(raw.replace(/\r$/, ''));
    if (!m) return;
    const hash = lineStart + m[1]!.length;
    if (inScalar.some(([a, b]) => hash >= a && hash < b)) return;
    let target = i + 2;
    while (target <= lines.length && /^\s*(#.*)?\r?$/.test(lines[target - 1]!)) target++;
    const rest = m[2]!;
    const cut = rest.search(/(^|\s)--(\s|$)/);
    const rulePart = cut < 0 ? rest : rest.slice(0, cut);
    const reason = cut < 0 ? '' : rest.slice(cut).replace(/^\s*--/, '').trim();
    out.push({
      line: i + 1,
      column: m[1]!.length + 1,
      target,
      rules: rulePart.split(/[\s,]+/).filter(Boolean),
      ...(reason ? { reason } : {}),
    });
  });
  return out;
}
