/**
 * Print a notice's timeline as text, Markdown or JSON.
 */
import { escapeMarkdown } from './format-markdown.js';
import type { HistoryEntry, NoticeHistory } from './history.js';

/**
 * Format a timeline.
 * @param history from `noticeHistory`
 * @param format `text`, `md` or `json`
 */
export function formatHistory(history: NoticeHistory, format: 'text' | 'md' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(history, null, 2)}\n`;
  if (format === 'md') return markdown(history);
  return text(history);
}

function changeCount(e: HistoryEntry): string {
  if (!e.valid) return `not valid: ${e.problem ?? ''}`;
  if (e.comparedWith === undefined) return 'first version';
  if (e.material === 0 && (e.review ?? 0) === 0 && e.editorial === 0) return 'no changes to the notice content';
  return `${e.material} material, ${e.review ?? 0} to review, ${e.editorial} editorial`;
}

function text(history: NoticeHistory): string {
  const lines = [`noticekit history: ${history.file} (${history.entries.length} ${history.entries.length === 1 ? 'commit' : 'commits'}, oldest first)`, ''];
  for (const e of history.entries) {
    lines.push(`${e.short}  ${e.date}  version ${e.version ?? '-'}  effective ${e.effectiveDate ?? '-'}  ${changeCount(e)}`);
    lines.push(`    ${e.subject}${e.rel !== history.file ? `  (as ${e.rel})` : ''}`);
    for (const c of e.materialChanges ?? []) lines.push(`    ! ${c.id}  ${c.kind}  ${c.rule}: ${c.summary}`);
  }
  return `${lines.join('\n')}\n`;
}

function markdown(history: NoticeHistory): string {
  const out = [`## History of \`${history.file}\``, '', '| commit | date | version | effective | changes | material changes |', '|---|---|---|---|---|---|'];
  for (const e of history.entries) {
    const material = (e.materialChanges ?? []).map((c) => `\`${c.rule}\` ${escapeMarkdown(`${c.id}: ${c.summary}`)}`).join('<br>');
    out.push(`| \`${e.short}\` | ${escapeMarkdown(e.date)} | ${escapeMarkdown(e.version ?? '-')} | ${escapeMarkdown(e.effectiveDate ?? '-')} | ${escapeMarkdown(changeCount(e))} | ${material} |`);
  }
  return `${out.join('\n')}\n`;
}
