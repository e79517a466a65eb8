/**
 * `noticekit import`: a draft notice from an existing one in Markdown, HTML or Word (.docx).
 */
import { draftNotice } from './draft-notice.js';
import { draftToYaml, type Draft, type Todo } from './draft-yaml.js';
import { readSource, type SourceFormat } from './read-source.js';
import type { SourceBlock } from './source-blocks.js';
import { guessLanguage } from './recognise.js';

export { sourceFormat, readSource, type SourceFormat } from './read-source.js';
export { readMarkdown } from './read-markdown.js';
export { readHtml } from './read-html.js';
export type { SourceBlock } from './source-blocks.js';
export { draftNotice } from './draft-notice.js';
export { draftToYaml, type Draft, type Todo } from './draft-yaml.js';
export { measureImport, sentencesOf, type ImportMeasure } from './measure.js';
export { guessLanguage, IMPORT_LANGUAGES } from './recognise.js';

/** Options of {@link importNotice}. */
export interface ImportOptions {
  /** The source's language; guessed from its words when absent. */
  locale?: string;
  /** The notice id. */
  id: string;
  /** Date used when the source gives none (YYYY-MM-DD). */
  today: string;
  /** The `$schema` path written in the draft's modeline. */
  schemaPath: string;
}

/** A draft with the source it was made from. */
export interface Imported {
  yaml: string;
  draft: Draft;
  blocks: SourceBlock[];
  locale: string;
  /** Notes from the source reader (e.g. Word styles it did not understand). */
  messages: string[];
}

/**
 * Import a notice.
 * @param data the source file's bytes
 * @param format the source's format
 */
export async function importNotice(data: Uint8Array, format: SourceFormat, options: ImportOptions): Promise<Imported> {
  const { blocks, messages } = await readSource(data, format);
  const locale = options.locale ?? guessLanguage(blocks.map((b) => (b.kind === 'list' ? b.items.map((i) => i.text).join(' ') : b.text)).join(' '));
  const draft = draftNotice(blocks, { locale, id: options.id, today: options.today });
  return { yaml: draftToYaml(draft, options.schemaPath), draft, blocks, locale, messages };
}

export type { Todo as ImportTodo };
