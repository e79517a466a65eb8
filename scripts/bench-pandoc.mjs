/**
 * The bench's pandoc comparison (issue 17: noticekit's md+html build >= 10x pandoc run one process
 * per file): which documents pandoc converts, with which arguments, and the table row and the
 * printed line the figures make. bench.mjs runs the processes; this module holds the parts that do
 * not depend on pandoc being installed.
 *
 * Units: noticekit's md+html throughput counts notice-locales, each one Markdown file and one HTML
 * page. pandoc is given the Markdown noticekit wrote and makes one HTML page from it per process,
 * so its throughput counts documents, each one HTML page. The ratio divides one by the other:
 * HTML pages a second against HTML pages a second (noticekit also writes the Markdown, which pandoc
 * is given for free).
 */
import { spawnSync } from 'node:child_process';

/** The target: noticekit's md+html throughput at least this many times pandoc's. */
export const PANDOC_TARGET = 10;

/**
 * The first line of `pandoc --version` ("pandoc 2.17.1.1"), or null when there is no pandoc on the
 * PATH of `env`.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function pandocVersion(env = process.env) {
  const run = spawnSync('pandoc', ['--version'], { env, encoding: 'utf8' });
  if (run.error && /** @type {NodeJS.ErrnoException} */ (run.error).code === 'ENOENT') return null;
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`pandoc --version exited with ${run.status}: ${run.stderr.trim()}`);
  return run.stdout.split('\n')[0].trim();
}

/**
 * @typedef {object} PandocDocument one Markdown file of the md+html build, to convert
 * @property {string} md the Markdown file, relative to the build's output folder
 * @property {string} html where pandoc writes the page, relative to a scratch folder (one flat name a document)
 * @property {string} title the notice's title in this locale (from the build's manifest)
 * @property {string} locale
 */

/**
 * The first `limit` Markdown files of the md+html build, in build order: the notices in the order
 * given (the bench's: sorted file names), each notice's locales in its own order. The versioned
 * files only (not the copies under latest/); each one's title from the build's manifest.
 * @param {{ id: string; locales: string[] }[]} notices
 * @param {{ path: string; notice: string | null; locale: string | null; format: string; title?: string }[]} manifestFiles
 * @param {number} limit
 * @returns {PandocDocument[]}
 */
export function pandocDocuments(notices, manifestFiles, limit) {
  const markdown = new Map();
  for (const f of manifestFiles) {
    if (f.format === 'md' && f.notice !== null && f.path.split('/')[1] !== 'latest') markdown.set(`${f.notice}\n${f.locale}`, f);
  }
  const docs = [];
  for (const notice of notices) {
    for (const locale of notice.locales) {
      if (docs.length >= limit) return docs;
      const file = markdown.get(`${notice.id}\n${locale}`);
      if (!file?.title) throw new Error(`the md+html build's manifest has no titled Markdown file for ${notice.id} (${locale})`);
      docs.push({ md: file.path, html: file.path.replace(/\.md$/, '.html').replaceAll('/', '_'), title: file.title, locale });
    }
  }
  return docs;
}

/**
 * pandoc's arguments for one document: the fair equivalent of the HTML page noticekit makes from
 * the same notice-locale. A standalone HTML5 page from pandoc's Markdown, with pandoc's default
 * template (which inlines its style sheet, as noticekit's page inlines its own); the title as the
 * page's <title> only (`pagetitle`: `title` would add a second <h1> above the Markdown's own
 * `# title`, which noticekit's page does not have); the locale as the page's lang, as noticekit's
 * <html lang>; and a table of contents, as noticekit's page has one.
 * @param {PandocDocument} doc
 * @param {string} mdPath the Markdown file
 * @param {string} htmlPath the page to write
 * @returns {string[]}
 */
export function pandocArgs(doc, mdPath, htmlPath) {
  return ['--standalone', '--from', 'markdown', '--to', 'html5', '--toc', '--metadata', `pagetitle=${doc.title}`, '--metadata', `lang=${doc.locale}`, '-o', htmlPath, mdPath];
}

/**
 * @typedef {object} PandocRun pandoc's figures, or null when pandoc is not installed
 * @property {string} version
 * @property {number} documents documents converted by each run
 * @property {number} jobs processes at a time in the parallel run
 * @property {number} sequentialMs wall time of the run one process at a time
 * @property {number} parallelMs wall time of the run `jobs` processes at a time
 */

/**
 * The table row, the line printed under the table and the results' `pandoc` entry for the pandoc
 * step. The target is judged against pandoc run `jobs` at a time (the bench's noticekit build uses
 * the same cores), and only at 1,000 notices, like the md+html build's own target; the figure one
 * process at a time (as issue 17 measured it) is reported beside it. Without pandoc, the step and
 * its target are reported as not measured.
 * @param {PandocRun | null} run
 * @param {number} noticekitRate noticekit's md+html notice-locales a second (whole process)
 * @param {boolean} judged whether the target applies at this corpus size
 */
export function pandocRow(run, noticekitRate, judged) {
  const target = `>= ${PANDOC_TARGET}x pandoc at 1,000 notices (notice-locales/s against documents/s: one HTML page each)`;
  if (run === null) {
    const row = { step: 'pandoc md -> html5, one process per file', wallMs: null, throughput: null, unit: 'not measured: pandoc not installed', firstMs: null, peakRssMiB: null, target, met: null, measured: false };
    return { row, line: `pandoc: not measured: pandoc not installed (target >= ${PANDOC_TARGET}x pandoc: not measured)`, result: { version: null, measured: false } };
  }
  const rate = run.documents / (run.parallelMs / 1000);
  const sequentialRate = run.documents / (run.sequentialMs / 1000);
  const ratio = noticekitRate / rate;
  const sequentialRatio = noticekitRate / sequentialRate;
  const met = judged ? ratio >= PANDOC_TARGET : null;
  const row = {
    step: `pandoc md -> html5, one process per file, ${run.jobs} at a time (${run.documents} documents of the md+html build, ${run.version})`,
    wallMs: Math.round(run.parallelMs),
    throughput: Number(rate.toFixed(1)),
    unit: `documents/s (${sequentialRate.toFixed(1)} one at a time); noticekit md+html at ${ratio.toFixed(1)}x of it (${sequentialRatio.toFixed(1)}x of one at a time)`,
    firstMs: null,
    peakRssMiB: null,
    target,
    met,
    measured: true,
  };
  const verdict = met === null ? 'judged at 1,000 notices' : met ? 'met' : 'NOT met';
  const line = `pandoc (${run.version}, one process per file, ${run.documents} documents): ${rate.toFixed(1)}/s ${run.jobs} at a time, ${sequentialRate.toFixed(1)}/s one at a time; noticekit md+html ${noticekitRate.toFixed(1)} notice-locales/s whole process, ${ratio.toFixed(1)}x (${sequentialRatio.toFixed(1)}x of one at a time) (target >= ${PANDOC_TARGET}x: ${verdict})`;
  const result = { version: run.version, measured: true, documents: run.documents, jobs: run.jobs, perSecond: Number(rate.toFixed(1)), sequentialPerSecond: Number(sequentialRate.toFixed(1)), ratio: Number(ratio.toFixed(1)), sequentialRatio: Number(sequentialRatio.toFixed(1)), met };
  return { row, line, result };
}
