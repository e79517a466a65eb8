/**
 * Index a notice's clauses. A clause is any object whose schema definition has an `id` (found with
 * `walkNotice`, so the model is not hard-coded here). Each clause gets an id path built from YAML
 * keys, with list items named by their id: `purposes/support/legalBases/contract`, `rights/exercise`.
 */
import type { Notice } from '../model/notice.js';
import { defsAlong, noticeSchema, walkNotice, type WalkEntry } from '../notice/schema.js';

/** A YAML key path. */
export type Path = (string | number)[];

/** One clause of a notice. */
export interface ClauseNode {
  /** Schema `$defs` name, e.g. `Purpose`; `Notice` for the root. */
  def: string;
  /** The clause's `id`. */
  id: string;
  /** YAML key path from the root. */
  path: Path;
  /** Id path, e.g. `purposes/support`; empty for the root. */
  idPath: string;
  /** Nearest enclosing clause (undefined for the root). */
  parent?: ClauseNode;
  /** Key in the parent that holds this clause, e.g. `purposes`, `legalBases`, `exercise`. */
  slot: string;
  /** True for an item of a list of clauses, false for a single clause under a key. */
  listItem: boolean;
  /** Position in its list (0 for single clauses). */
  index: number;
  /** The clause's data. */
  value: Record<string, unknown>;
  /** Position in document order (the root is 0). */
  order: number;
  /** Top-level key the clause is under (empty for the root). */
  top: string;
}

/** Every clause of one notice, and the schema definition of every value. */
export interface NoticeIndex {
  notice: Notice;
  root: ClauseNode;
  /** All clauses in document order, the root first. */
  clauses: ClauseNode[];
  /** List-item clauses by id (ids are unique across a valid notice). */
  byId: Map<string, ClauseNode>;
  /** Source locale and all locales of the notice. */
  sourceLocale: string;
  locales: string[];
}

/**
 * `Text` or `IdRef` when the value at a YAML path of the notice is one (as the schema walk finds
 * it; nothing inside one is either), else undefined. Looked up for changed clauses only, so not
 * kept for every value of both notices.
 * @param index an indexed notice
 * @param path key path from the root
 */
export function textOrRef(index: NoticeIndex, path: Path): string | undefined {
  const defs = defsAlong(index.notice, path);
  if (!defs) return undefined;
  for (let i = 0; i < defs.length - 1; i++) if (defs[i] === 'Text' || defs[i] === 'IdRef') return undefined;
  const def = defs[defs.length - 1];
  return def === 'Text' || def === 'IdRef' ? def : undefined;
}

/**
 * A map key for a YAML path.
 * @param path key path
 */
export function pathKey(path: Path): string {
  return path.join('\u0000');
}

const clauseDefs = new Map<string, boolean>();
/** True when instances of a `$defs` entry carry an `id` (are clauses). */
export function isClauseDef(def: string): boolean {
  let known = clauseDefs.get(def);
  if (known === undefined) {
    known = def === 'Notice' || Boolean(noticeSchema().$defs?.[def]?.properties?.id);
    clauseDefs.set(def, known);
  }
  return known;
}

const holding = new Map<string, ReadonlySet<string>>();
/** The properties of a definition that hold a clause or a list of clauses, read from the schema once. */
function clauseKeys(def: string): ReadonlySet<string> {
  let keys = holding.get(def);
  if (!keys) {
    const schema = noticeSchema();
    const owner = def === 'Notice' ? schema : schema.$defs?.[def];
    const found = new Set<string>();
    for (const [key, property] of Object.entries(owner?.properties ?? {})) {
      const node = property.type === 'array' ? property.items : property;
      const ref = node?.$ref;
      if (typeof ref === 'string' && isClauseDef(ref.slice(ref.lastIndexOf('/') + 1))) found.add(key);
    }
    keys = found;
    holding.set(def, keys);
  }
  return keys;
}

/**
 * True when a property of a definition holds a clause or a list of clauses (read from the schema).
 * @param def `$defs` name (`Notice` for the root)
 * @param key property name
 */
export function holdsClauses(def: string, key: string): boolean {
  return clauseKeys(def).has(key);
}

/**
 * The clause's own content: its data without the clauses nested in it (those are compared on their own).
 * @param node a clause
 * @param withoutId leave out its `id` too (left out here, not deleted after: deleting an object's
 *   first key turns it into a slow dictionary)
 */
export function ownValue(node: ClauseNode, withoutId = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(node.value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (!holdsClauses(node.def, key) && !(withoutId && key === 'id')) out[key] = node.value[key];
  }
  return out;
}

/** True when `prefix` is a proper prefix of `path`. */
function isPrefix(prefix: Path, path: Path): boolean {
  if (prefix.length >= path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}

/**
 * Index a valid notice.
 * @param notice a notice that passed validation
 * @param entries the schema walk of `notice` (its validation's, when kept), else the notice is walked
 */
export function indexNotice(notice: Notice, entries?: readonly WalkEntry[]): NoticeIndex {
  const clauses: ClauseNode[] = [];
  const byId = new Map<string, ClauseNode>();
  // The clauses enclosing the value visited, outermost first (the walk visits parents first).
  const enclosing: ClauseNode[] = [];
  const visit = (entry: WalkEntry): 'skip' | undefined => {
    const { value, def } = entry;
    if (!def) return undefined;
    // Neither a text nor a reference holds a clause, so the walk need not look inside them.
    if (def === 'Text' || def === 'IdRef') return 'skip';
    if (!isClauseDef(def) || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const { path } = entry;
    while (enclosing.length > 0 && !isPrefix(enclosing[enclosing.length - 1]!.path, path)) enclosing.pop();
    const parent = enclosing[enclosing.length - 1];
    const record = value as Record<string, unknown>;
    const id = typeof record.id === 'string' ? record.id : '';
    // The keys below the parent: the slot is their names, the id path adds them (a list item by its id).
    const from = parent ? parent.path.length : path.length;
    let idPath = parent ? parent.idPath : '';
    let slot = '';
    let names = 0;
    for (let i = from; i < path.length; i++) {
      const part = path[i]!;
      const segment = typeof part === 'number' ? (i === path.length - 1 ? id : String(part)) : part;
      if (segment !== '') idPath = idPath === '' ? segment : `${idPath}/${segment}`;
      if (typeof part === 'string') slot = names++ === 0 ? part : `${slot}.${part}`;
    }
    const last = path.length > from ? path[path.length - 1] : undefined;
    const listItem = typeof last === 'number';
    const node: ClauseNode = {
      def,
      id,
      path,
      idPath,
      parent,
      slot,
      listItem,
      index: listItem ? (last as number) : 0,
      value: record,
      order: clauses.length,
      top: typeof path[0] === 'string' ? path[0] : '',
    };
    clauses.push(node);
    enclosing.push(node);
    if (listItem && id) byId.set(id, node);
    return undefined;
  };
  // A full walk also holds the values inside texts and references, which hold no clause (the
  // visitor would skip them), so going through it finds the same clauses.
  if (entries) for (let i = 0; i < entries.length; i++) visit(entries[i]!);
  else walkNotice(notice, visit);
  const root = clauses[0]!;
  const n = notice as unknown as { sourceLocale: string; locales: string[] };
  return { notice, root, clauses, byId, sourceLocale: n.sourceLocale, locales: n.locales };
}
