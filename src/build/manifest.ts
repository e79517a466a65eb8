/**
 * The shapes a build takes and gives: formats, options, progress, the manifest and the result;
 * and the text of `manifest.json`.
 */
import type { Diagnostic } from '../diagnostics.js';
import { GENERATOR } from './output-guard.js';

/** Output formats. */
export type Format = 'html' | 'md' | 'pdf' | 'json' | 'jsonld';
/** Every output format, in the order a build lists them. */
export const FORMATS: readonly Format[] = ['html', 'md', 'pdf', 'json', 'jsonld'];
/** The formats built when none are asked for. */
export const DEFAULT_FORMATS: readonly Format[] = ['html', 'md', 'pdf'];

/** Options of a build. */
export interface BuildOptions {
  /** Notice files to build. */
  files: string[];
  /** Output folder (replaced whole on success; refused unless empty, missing or an earlier noticekit output). */
  outDir: string;
  /** Working directory (default: `process.cwd()`): it and its ancestors are never an output folder. */
  cwd?: string;
  /** Write `<id>/history.html` for notices committed in git (default true; HTML builds only). */
  history?: boolean;
  formats: Format[];
  /** Only these locales (default: every declared locale). */
  locales?: string[];
  /** Pages printing at once (PDF). */
  jobs: number;
  paper: 'a4' | 'letter';
  /** Custom templates folder. */
  templatesDir?: string;
  /** Milliseconds one PDF may take. */
  printTimeoutMs?: number;
  /** Environment for finding Chromium. */
  env?: Record<string, string | undefined>;
  /** Called as documents are written. */
  onProgress?: (event: ProgressEvent) => void;
  /** Aborts the build (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Folder of the content-addressed cache; undefined builds everything afresh. */
  cacheDir?: string;
  /** Worker threads for validation, Markdown and HTML (default 1: this thread). */
  renderThreads?: number;
  /** Build only this share of the notices: `{ index: 1..count, count }` (by a hash of the notice id). */
  shard?: { index: number; count: number };
  /** Writes a file (default: `fs.promises.writeFile`); tests inject failures here. */
  writeFile?: (file: string, data: Buffer | string) => Promise<void>;
  /** Told once when the cache cannot be used (e.g. a read-only folder); the build goes on uncached. */
  onWarning?: (message: string) => void;
}

/** Progress of a build. */
export interface ProgressEvent {
  done: number;
  total: number;
  /** Path written, relative to the output folder. */
  path: string;
}

/** One file in `manifest.json`. */
export interface ManifestEntry {
  path: string;
  notice: string | null;
  version: string | null;
  locale: string | null;
  format: Format;
  sha256: string;
  bytes: number;
  /** Plain-text title of the notice in this locale (for the index when shards are merged). */
  title?: string;
}

/** What a build did. */
export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Written files (empty when nothing was written). */
  manifest: ManifestEntry[];
  /** Documents that failed to print or render, with the reason. */
  failures: { path: string; reason: string }[];
  /** Timing in milliseconds per phase. */
  timings: Record<string, number>;
  /** Documents taken from the cache and rendered afresh. */
  cache?: { hits: number; misses: number };
  /** The Chromium that printed the PDFs (absent when none was printed, e.g. all from the cache). */
  browser?: { path: string; version?: string };
}

/** The text of `manifest.json`: the marker that tells the next build this folder is its to replace, and the files. */
export function manifestText(files: readonly ManifestEntry[]): string {
  return `${JSON.stringify({ generator: GENERATOR, files }, null, 2)}\n`;
}
