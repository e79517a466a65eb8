/**
 * The one error shape that reaches the user: a message written for them and the exit code it
 * means. Every stage throws a subclass for an expected failure; `src/cli/index.ts` prints it and
 * exits with its code, and nothing else decides exit codes.
 */

/** An expected failure, said in words for the user, with the exit code it stands for. */
export class NoticekitError extends Error {
  override name = 'NoticekitError';
  /**
   * @param message shown on stderr after `noticekit <command>: ` (may be empty when already reported)
   * @param exitCode 1 for bad input or a failed document, 2 for usage errors and refusals
   */
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
