/** Types of comment-body.mjs (a plain script the action runs without compiling). */
export declare const MARKER: string;
export declare const COMMENT_LIMIT: number;
/** One changed notice: its file and its part of the comment. */
export interface Section {
  file: string;
  markdown: string;
}
export declare function joinSections(intro: string, sections: readonly Section[]): string;
export declare function blocksOf(markdown: string): string[];
export declare function buildCommentBody(options: { intro: string; sections: readonly Section[]; fullDiffAt: string; limit?: number }): { body: string; cut: boolean };
