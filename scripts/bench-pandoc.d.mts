/** Types of bench-pandoc.mjs (a plain script the bench runs without compiling). */
export declare const PANDOC_TARGET: number;
export declare function pandocVersion(env?: NodeJS.ProcessEnv): string | null;
/** One Markdown file of the md+html build, to convert. */
export interface PandocDocument {
  md: string;
  html: string;
  title: string;
  locale: string;
}
export declare function pandocDocuments(
  notices: readonly { id: string; locales: readonly string[] }[],
  manifestFiles: readonly { path: string; notice: string | null; locale: string | null; format: string; title?: string }[],
  limit: number,
): PandocDocument[];
export declare function pandocArgs(doc: PandocDocument, mdPath: string, htmlPath: string): string[];
/** pandoc's figures: the same documents converted one at a time and `jobs` at a time. */
export interface PandocRun {
  version: string;
  documents: number;
  jobs: number;
  sequentialMs: number;
  parallelMs: number;
}
/** A row of the bench's table. */
export interface BenchRow {
  step: string;
  wallMs: number | null;
  throughput: number | null;
  unit: string;
  firstMs: null;
  peakRssMiB: null;
  target: string;
  met: boolean | null;
  measured: boolean;
}
export declare function pandocRow(
  run: PandocRun | null,
  noticekitRate: number,
  judged: boolean,
): {
  row: BenchRow;
  line: string;
  result:
    | { version: null; measured: false }
    | { version: string; measured: true; documents: number; jobs: number; perSecond: number; sequentialPerSecond: number; ratio: number; sequentialRatio: number; met: boolean | null };
};
