/**
 * yaml's errors in the notice's terms: our code and a message for an editor, and the place to
 * point at (where an unclosed quote or bracket opens, not where the parser noticed).
 */
import type { Document } from 'yaml';
import type { DiagnosticCode } from '../diagnostics.js';
import { lastTokenBefore, type PropTokens } from './scan-yaml-tokens.js';

/** Map a yaml error code to ours, with a message for an editor. */
export function describeYamlError(code: string, message: string): [DiagnosticCode, string] {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return ['duplicate-key', 'This key appears twice in the same mapping; keep one of them.'];
    case 'TAB_AS_INDENT':
      return ['tab-indent', 'A tab is used for indentation; YAML needs spaces (configure the editor to insert spaces).'];
    case 'TAG_RESOLVE_FAILED':
      return ['tag', `Tags are not allowed (${first}); write the value without it.`];
    case 'BAD_DIRECTIVE':
      return ['directive', `Unsupported directive: ${first}; delete the line.`];
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      if (/end with an? \]/.test(first)) return ['yaml-syntax', 'This list in brackets `[...]` is never closed, or a line of it is not indented enough; add the closing `]`.'];
      if (/end with an? \}/.test(first)) return ['yaml-syntax', 'This mapping in braces `{...}` is never closed, or a line of it is not indented enough; add the closing `}`.'];
      if (/quote/i.test(first)) return ['yaml-syntax', 'This quoted text is never closed; add the closing quote (or remove the opening one).'];
      return ['yaml-syntax', `${first}; check for an unclosed quote or bracket.`];
    case 'RESOURCE_EXHAUSTION':
      return ['nesting-too-deep', 'The YAML is nested too deeply or too large to read safely.'];
    default:
      return ['yaml-syntax', `${first}.`];
  }
}

/** Where to report a yaml error: its own offset, or where the unclosed quote or bracket opens. */
export function errorOffset(code: string, message: string, offset: number, propTokens: () => PropTokens): number {
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const quote = lastTokenBefore(propTokens().unclosedQuotes, offset);
    if (quote) return quote.offset;
  }
  if (/end with an? [\]}]|Expected flow (?:map|sequence) to end/i.test(message)) {
    const flows = propTokens().unclosedFlows;
    let best: number | undefined;
    for (const at of flows) if (at <= offset) best = at;
    if (best !== undefined) return best;
  }
  return offset;
}

/** True if a `%TAG` directive defines or redefines a tag handle. */
export function hasCustomTagDirective(doc: Document.Parsed): boolean {
  const tags = doc.directives?.tags ?? {};
  return Object.entries(tags).some(([handle, prefix]) => !(handle === '!' && prefix === '!') && !(handle === '!!' && prefix === 'tag:yaml.org,2002:'));
}
