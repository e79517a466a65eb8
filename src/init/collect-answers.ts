/**
 * Gather init's answers: from flags, and on a terminal by asking what the flags leave open. Every
 * answer is checked as it comes: a bad flag is a usage error, a bad typed answer is asked again.
 */
import { createInterface } from 'node:readline/promises';
import { ExitError, UsageError } from '../cli/io.js';
import { QUESTIONS, type Answers, type Checked, type Question } from './questions.js';

/** Where questions are asked: the terminal's input and output. */
export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** The answers given so far. */
type SoFar = Partial<Answers>;

/**
 * The answers, checked.
 * @param flags the flag values, keyed by flag name without `--` (undefined: not given)
 * @param terminal where to ask; without one, a required answer no flag gives is a usage error
 * @throws UsageError for a bad flag or a missing required one; ExitError when the person stops answering
 */
export async function collectAnswers(flags: Record<string, string | undefined>, terminal: Terminal | undefined): Promise<Answers> {
  const answers: SoFar = {};
  // Every flag is checked before the first question, so a typo is not found after five answers;
  // one that depends on an answer still to come is checked after it.
  const later: Question[] = [];
  for (const q of QUESTIONS) {
    const raw = flags[q.flag];
    if (raw === undefined) continue;
    if (q.needs && answers[q.needs] === undefined) later.push(q);
    else set(answers, q, fromFlag(q, raw.trim(), answers));
  }
  if (terminal) await ask(answers, terminal, new Set(later));
  for (const q of later) set(answers, q, fromFlag(q, flags[q.flag]!.trim(), answers));
  for (const q of QUESTIONS) {
    if (answers[q.key] !== undefined || !q.required) continue;
    const fallback = q.fallback?.(answers);
    if (fallback !== undefined) set(answers, q, fromFlag(q, fallback, answers));
    else throw new UsageError(`--${q.flag} is needed (${q.prompt.replace(/ \(.*$/, '').toLowerCase()}); give it, or run init on a terminal to be asked.`);
  }
  return answers as Answers;
}

function fromFlag(q: Question, raw: string, answers: SoFar): string | string[] {
  const checked = q.check(raw, answers);
  if ('error' in checked) throw new UsageError(`--${q.flag} ${checked.error}, not '${raw}'.`);
  return checked.value;
}

function set(answers: SoFar, q: Question, value: string | string[]): void {
  (answers as Record<string, unknown>)[q.key] = value;
}

/** Ask, on the terminal, each question no flag answered; re-ask after a bad answer. */
async function ask(answers: SoFar, terminal: Terminal, flagged: Set<Question>): Promise<void> {
  const rl = createInterface({ input: terminal.input, output: terminal.output, terminal: true });
  const stop = new AbortController();
  // Ctrl-C or Ctrl-D: stop asking; nothing has been written yet.
  rl.on('SIGINT', () => stop.abort());
  rl.on('close', () => stop.abort());
  const say = (line: string) => terminal.output.write(`${line}\n`);
  try {
    say('noticekit init: a few questions; the notice holds only what you answer (empty answers become TODOs).');
    for (const q of QUESTIONS) {
      if (answers[q.key] !== undefined || flagged.has(q) || q.skip?.(answers)) continue;
      const fallback = q.fallback?.(answers);
      for (;;) {
        const raw = (await rl.question(`${q.prompt}${fallback ? ` [${fallback}]` : ''}: `, { signal: stop.signal })).trim();
        let checked: Checked | undefined;
        if (raw === '' && fallback !== undefined) checked = q.check(fallback, answers);
        else if (raw === '' && q.required) checked = { error: 'needs an answer' };
        else if (raw !== '') checked = q.check(raw, answers);
        if (checked === undefined) break;
        if ('error' in checked) {
          say(`  This ${checked.error}${raw ? `, not '${raw}'` : ''}. Please answer again.`);
          continue;
        }
        set(answers, q, checked.value);
        const echo = q.echo?.(checked.value);
        if (echo) say(`  ${echo}`);
        break;
      }
    }
  } catch (error) {
    if (stop.signal.aborted) throw new ExitError(130, 'stopped before the last answer; nothing written.');
    throw error;
  } finally {
    rl.close();
  }
}
