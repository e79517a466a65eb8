/**
 * The draft `noticekit import` writes: its data and TODOs, and the draft as YAML with each TODO
 * as a comment at its place.
 */
import YAML, { isMap, isScalar, isSeq } from 'yaml';

/** Something a person must decide, at a place in the draft. */
export interface Todo {
  /** YAML key path of the place, e.g. `['purposes', 0, 'legalBases']`; `[]` for the top of the file. */
  path: (string | number)[];
  message: string;
}

/** A draft notice: its data, and what a person must still decide. */
export interface Draft {
  /** The notice data (may leave required fields empty: see todos). */
  data: Record<string, unknown>;
  todos: Todo[];
}

/** What starts each TODO comment of a draft (after `# `); lint's todo-left rule looks for it. */
export const TODO_MARK = 'TODO:';

const IMPORT_HEADER = 'Draft made by `noticekit import`: check every TODO, then run `noticekit validate` and `noticekit lint`.';

/**
 * The draft as YAML, with a schema modeline and each TODO as a comment at its place.
 * @param schemaPath the `$schema` path of the modeline, relative to the draft's folder
 * @param header the comment line under the modeline: who made the draft and what to do next
 */
export function draftToYaml(draft: Draft, schemaPath: string, header = IMPORT_HEADER): string {
  const doc = new YAML.Document(draft.data);
  const top: string[] = [` yaml-language-server: $schema=${schemaPath}`, ` ${header}`];
  for (const todo of draft.todos) {
    const message = ` ${TODO_MARK} ${todo.message}`;
    if (todo.path.length === 0) {
      top.push(message);
      continue;
    }
    const parent = todo.path.length === 1 ? doc.contents : doc.getIn(todo.path.slice(0, -1), true);
    const last = todo.path[todo.path.length - 1];
    let target: { commentBefore?: string | null } | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      target = pair && isScalar(pair.key) ? pair.key : undefined;
    } else if (isSeq(parent) && typeof last === 'number') target = parent.items[last] as { commentBefore?: string | null } | undefined;
    if (!target) top.push(message);
    else target.commentBefore = target.commentBefore ? `${target.commentBefore}\n${message}` : message;
  }
  doc.commentBefore = top.join('\n');
  return doc.toString({ lineWidth: 0, blockQuote: 'literal' });
}
