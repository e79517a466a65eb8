/**
 * The body of the action's pull-request comment: one section a changed notice, kept under GitHub's
 * comment limit by leaving out whole sections (or a notice's last `###` parts), and saying what was
 * left out and where the full diff is.
 */

/** Hidden first line by which the action finds its own comment again (to update it in place). */
export const MARKER = '<!-- noticekit-diff -->';

/**
 * GitHub's limit for a comment body: 65,536 characters. Measured here in UTF-16 code units
 * (`String.length`), which is never less than the number of characters, so a body that passes here
 * passes there.
 */
export const COMMENT_LIMIT = 65_536;

/** Names listed one by one in the note about what was left out; more are counted. */
const LISTED = 30;

/**
 * @typedef {object} Section one changed notice
 * @property {string} file the notice file, relative to the repository root
 * @property {string} markdown its part of the comment (starts with a `## ` heading)
 */

/**
 * The diff as one Markdown text: the intro paragraph, then each section.
 * @param {string} intro
 * @param {Section[]} sections
 * @returns {string}
 */
export function joinSections(intro, sections) {
  return `${intro.trimEnd()}\n\n${sections.map((s) => `${s.markdown.trimEnd()}\n\n`).join('')}`;
}

/**
 * Split a section into blocks that may be cut between: the head (up to the first `### ` heading),
 * then one block a `### ` heading. A `### ` inside a fenced code block never occurs in noticekit's
 * Markdown (it escapes text), so a line start is enough.
 * @param {string} markdown
 * @returns {string[]} blocks whose concatenation is `markdown`
 */
export function blocksOf(markdown) {
  const starts = [0];
  for (const m of markdown.matchAll(/^### /gm)) if (m.index > 0) starts.push(m.index);
  return starts.map((start, i) => markdown.slice(start, starts[i + 1] ?? markdown.length));
}

/** The `### ` heading of a block, for the note (e.g. "Editorial changes (40)"). */
function headingOf(block) {
  const m = /^### (.*)$/m.exec(block);
  return m ? m[1].trim() : 'part';
}

/**
 * The comment body: marker, `intro`, as many whole blocks as fit (in order, so material changes,
 * which each notice lists first, are the last to go), and a note on what was left out.
 * @param {object} options
 * @param {string} options.intro first paragraph (what was compared)
 * @param {Section[]} options.sections one a changed notice, in order
 * @param {string} options.fullDiffAt where the whole diff can be read (a sentence fragment, e.g.
 *   "the job summary and the artifact `noticekit-diff` of this run: <url>")
 * @param {number} [options.limit] the most characters the body may have (default: GitHub's limit)
 * @returns {{ body: string, cut: boolean }}
 */
export function buildCommentBody({ intro, sections, fullDiffAt, limit = COMMENT_LIMIT }) {
  const head = `${MARKER}\n${intro.trimEnd()}\n\n`;
  const whole = `${MARKER}\n${joinSections(intro, sections)}`;
  if (whole.length <= limit) return { body: whole, cut: false };

  // Room for the note grows with what it lists: shrink the budget until body and note fit.
  let budget = limit - head.length;
  for (;;) {
    const { kept, partial, omitted } = choose(sections, budget);
    const body = head + kept + note(partial, omitted, fullDiffAt);
    if (body.length <= limit) return { body, cut: true };
    budget -= body.length - limit;
    if (budget < 0) {
      // Not even the note fits: say only that the diff is elsewhere.
      const short = `${head}The diff is too long for a comment; read it in ${fullDiffAt}\n`;
      return { body: short.length <= limit ? short : short.slice(0, limit), cut: true };
    }
  }
}

/** Whole blocks, in order, while they fit in `budget`; then what was cut from where. */
function choose(sections, budget) {
  let kept = '';
  /** @type {{ file: string, headings: string[] } | undefined} */
  let partial;
  const omitted = [];
  let full = false;
  for (const section of sections) {
    if (full) {
      omitted.push(section.file);
      continue;
    }
    const blocks = blocksOf(`${section.markdown.trimEnd()}\n\n`);
    let taken = 0;
    for (const block of blocks) {
      if (kept.length + block.length > budget) break;
      kept += block;
      taken++;
    }
    if (taken === blocks.length) continue;
    full = true;
    if (taken === 0) omitted.push(section.file);
    else partial = { file: section.file, headings: blocks.slice(taken).map(headingOf) };
  }
  return { kept, partial, omitted };
}

/** The note at the end of a cut comment: which notices, and which parts of one, are left out. */
function note(partial, omitted, fullDiffAt) {
  const code = (file) => `\`${file.replace(/`/g, "'")}\``;
  const lines = ['---', '', `**This comment is cut to fit GitHub's limit of ${COMMENT_LIMIT.toLocaleString('en')} characters.** Left out:`, ''];
  if (partial) lines.push(`- from ${code(partial.file)}: ${partial.headings.join(', ')}`);
  const listed = omitted.slice(0, LISTED);
  for (const file of listed) lines.push(`- ${code(file)} (all of its changes)`);
  if (omitted.length > listed.length) lines.push(`- and ${omitted.length - listed.length} more changed notices`);
  lines.push('', `The full diff is in ${fullDiffAt}`, '');
  return lines.join('\n');
}
