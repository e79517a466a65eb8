/**
 * The shapes of a notice's view (what templates receive): sections of blocks, every displayable
 * string Markdown.
 */

/** A block of content inside a section. */
export type Block =
  | { type: 'paragraph'; id?: string; md: string }
  | { type: 'list'; id?: string; items: ListItem[] }
  | { type: 'table'; id?: string; head: string[]; rows: TableRow[]; fallback: ListItem[]; markdownTable?: boolean };

/** A list item; `id` is the clause id (the anchor in HTML). */
export interface ListItem {
  id?: string;
  md: string;
}

/** A table row; `id` is the clause id. */
export interface TableRow {
  id?: string;
  cells: string[];
}

/** One section of the notice. */
export interface SectionView {
  /** Model section it comes from, e.g. `transfers`, or `clause` for a free clause with a heading. */
  key: string;
  /** HTML id: the clause id where the section has one, else the section key in kebab-case. */
  id: string;
  /** Heading (Markdown); absent for a free clause that continues the previous section. */
  heading?: string;
  blocks: Block[];
}

/** Everything a template needs to print one notice in one locale. */
export interface NoticeView {
  /** Notice id. */
  id: string;
  version: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  /** Effective date written out in the locale. */
  effectiveDateText: string;
  /** BCP 47 tag of this rendering. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** All locales the notice declares (for language links). */
  locales: string[];
  /** Title (Markdown). */
  title: string;
  /** Title as plain text (for <title>, PDF metadata, footer). */
  titleText: string;
  /** "Version 1.0, effective 1 June 2021." (Markdown); empty when the notice states neither (`versionStated: false`). */
  versionLine: string;
  /** Heading of the table of contents. */
  contentsHeading: string;
  /** Intro paragraphs (Markdown), if any. */
  intro?: string;
  sections: SectionView[];
  /** Table of contents: sections with a heading. */
  toc: { id: string; heading: string }[];
}
