/**
 * Every CLI command, in the order `noticekit --help` lists them. A command's module is imported
 * only when it runs (or its help is shown), so `noticekit diff` does not pay for loading the
 * renderer, the linter and Chromium's driver. Add a command here.
 */
import type { Command } from './types.js';

/** A command's name and one-line summary, and how to load the rest. */
export interface CommandEntry {
  name: string;
  /** One line for `noticekit --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', summary: 'Start a new notice from a few answers (and, in an empty folder, the project around it).', load: async () => (await import('./init.js')).initCommand },
  { name: 'import', summary: 'Make a draft notice from an existing one in Markdown, HTML or Word (.docx).', load: async () => (await import('./import.js')).importCommand },
  { name: 'validate', summary: 'Check notices against the schema and for consistency (ids, references, locales).', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'build', summary: 'Render notices to HTML, Markdown and PDF for publishing (validates first).', load: async () => (await import('./build.js')).buildCommand },
  { name: 'preview', summary: 'Serve the notices on 127.0.0.1 while you edit them: every locale, re-rendered on save, with findings.', load: async () => (await import('./preview.js')).previewCommand },
  { name: 'lint', summary: 'Check notices against GDPR Art. 13/14, the transfer rules and their translations.', load: async () => (await import('./lint.js')).lintCommand },
  { name: 'diff', summary: 'Compare two versions of a notice clause by clause; flag material changes.', load: async () => (await import('./diff.js')).diffCommand },
  { name: 'history', summary: "List every committed version of a notice with its material changes (the auditor's timeline).", load: async () => (await import('./history.js')).historyCommand },
  { name: 'translations', summary: 'Show which translations need review (status), or record a review (mark-reviewed).', load: async () => (await import('./translations.js')).translationsCommand },
  { name: 'merge-manifests', summary: 'Join the outputs of sharded builds (build --shard i/n) into one folder with one manifest and index.', load: async () => (await import('./merge-manifests.js')).mergeManifestsCommand },
];
