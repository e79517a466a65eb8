/**
 * The notice schema, loaded once, and a walker that visits notice data together with the schema
 * definition ($defs name) each value is an instance of.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A JSON Schema node, as far as this project's schema uses it. */
export interface SchemaNode {
  $ref?: string;
  type?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  enum?: unknown[];
  pattern?: string;
  required?: string[];
  $defs?: Record<string, SchemaNode>;
  [key: string]: unknown;
}

/** Absolute path of `schema/notice.schema.json` in this package. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/notice.schema.json', import.meta.url));

let cached: SchemaNode | undefined;
/** The notice schema as an object (read once). */
export function noticeSchema(): SchemaNode {
  cached ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as SchemaNode;
  return cached;
}

/** Name of the `$defs` entry a `$ref` points to, e.g. `Text`. */
export function defName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** Which kind of clause each id reference must name, keyed by `Def.property`. */
export const REFERENCE_TARGETS: Record<string, string> = {
  'Purpose.categories': 'Category',
  'Purpose.recipients': 'Recipient',
  'Category.source': 'Source',
  'Destination.safeguard': 'Safeguard',
  'Destination.recipients': 'Recipient',
  'RetentionRule.categories': 'Category',
  'RetentionRule.purposes': 'Purpose',
  'Clause.afterClause': '*',
};

/** What the walker hands to a visitor. */
export interface WalkEntry {
  /** The value at this place. */
  value: unknown;
  /** Key path from the notice root (made when first read: most visits never need it). */
  readonly path: (string | number)[];
  /** The `$defs` name this value is an instance of (`Notice` for the root), if any. */
  def?: string;
  /** `Def.property` of the property holding this value (for list items: the list's property). */
  slot?: string;
}

/** One visit: linked to its parent's, so that a path is only made for an entry that is asked for it. */
class Visit implements WalkEntry {
  readonly value: unknown;
  readonly def: string | undefined;
  readonly slot: string | undefined;
  readonly #parent: Visit | undefined;
  readonly #key: string | number;
  readonly #depth: number;
  #path: (string | number)[] | undefined;

  constructor(value: unknown, def: string | undefined, slot: string | undefined, parent: Visit | undefined, key: string | number) {
    this.value = value;
    this.def = def;
    this.slot = slot;
    this.#parent = parent;
    this.#key = key;
    this.#depth = parent ? parent.#depth + 1 : 0;
  }

  get path(): (string | number)[] {
    if (this.#path) return this.#path;
    const path = new Array<string | number>(this.#depth);
    for (let at: Visit = this; at.#parent; at = at.#parent) path[at.#depth - 1] = at.#key;
    this.#path = path;
    return path;
  }
}

/** A schema node with its `$ref`s followed, and what each key below it is: computed once per node. */
interface Shape {
  node: SchemaNode;
  /** The `$defs` name the last `$ref` followed named, if any. */
  def: string | undefined;
  /** For a list: its items (their slot is the list's). */
  items?: Place;
  /** For each key the schema names: its schema node and its slot (`Def.key`). */
  props: Map<string, Place & { slot: string }>;
  /** For other keys, when the schema allows them (a map). */
  additional?: Place & { slot: string };
}

/** A schema node below a shape; its shape is kept on first use (the walk asks for it at every value). */
interface Place {
  node: SchemaNode;
  shape?: Shape;
}

const shapes = new WeakMap<SchemaNode, Shape>();

/**
 * Follow a node's `$ref`s and index its properties, once per schema node (the walk visits every
 * value of every notice, so it must not resolve references and build slot names again each time).
 * @param outerDef the def of the root (`Notice`); other nodes get theirs from their `$ref` only
 */
function shapeOf(start: SchemaNode, outerDef?: string): Shape {
  const known = shapes.get(start);
  if (known) return known;
  const defs = noticeSchema().$defs ?? {};
  let node = start;
  let def = outerDef;
  while (node.$ref) {
    def = defName(node.$ref);
    node = defs[def] ?? {};
  }
  const owner = def ?? 'Notice';
  const props = new Map(Object.entries(node.properties ?? {}).map(([key, child]) => [key, { node: child, slot: `${owner}.${key}` }]));
  const shape: Shape = { node, def, props };
  if (node.items) shape.items = { node: node.items };
  if (node.additionalProperties && typeof node.additionalProperties === 'object') shape.additional = { node: node.additionalProperties, slot: `${owner}.*` };
  shapes.set(start, shape);
  return shape;
}

/**
 * Visit every value of a notice together with its schema definition, depth first, parents first.
 * Values the schema does not describe (unknown keys) are not visited, nor the values inside one
 * for which the visitor returns `'skip'`.
 */
export function walkNotice(data: unknown, visit: (entry: WalkEntry) => void | 'skip'): void {
  const go = (entry: Visit, shape: Shape) => {
    if (visit(entry) === 'skip') return;
    const value = entry.value;
    if (Array.isArray(value)) {
      if (shape.items) {
        const items = (shape.items.shape ??= shapeOf(shape.items.node));
        for (let i = 0; i < value.length; i++) go(new Visit(value[i], items.def, entry.slot, entry, i), items);
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    // Indexed loops: the walk runs before the engine has optimised it, and a for-of makes an
    // object for every step there.
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const prop = shape.props.get(key) ?? shape.additional;
      if (!prop) continue;
      const child = (prop.shape ??= shapeOf(prop.node));
      go(new Visit((value as Record<string, unknown>)[key], child.def, prop.slot, entry, key), child);
    }
  };
  const root = shapeOf(noticeSchema(), 'Notice');
  go(new Visit(data, root.def, undefined, undefined, ''), root);
}

/**
 * The `$defs` names {@link walkNotice} gives the values along a path, one per prefix (the root's
 * first); undefined when the walk does not reach the value at `path` (absent, or a key the schema
 * does not describe). Keys compare as text, so `0` and `'0'` are the same step.
 * @param data notice data
 * @param path key path from the root
 */
export function defsAlong(data: unknown, path: readonly (string | number)[]): (string | undefined)[] | undefined {
  let shape = shapeOf(noticeSchema(), 'Notice');
  let value = data;
  const defs = [shape.def];
  for (const key of path) {
    if (Array.isArray(value)) {
      const index = Number(key);
      if (!shape.items || !Number.isInteger(index) || index < 0 || index >= value.length || String(index) !== String(key)) return undefined;
      value = value[index];
      shape = shape.items.shape ??= shapeOf(shape.items.node);
    } else if (value !== null && typeof value === 'object') {
      const name = String(key);
      const prop = Object.hasOwn(value, name) ? (shape.props.get(name) ?? shape.additional) : undefined;
      if (!prop) return undefined;
      value = (value as Record<string, unknown>)[name];
      shape = prop.shape ??= shapeOf(prop.node);
    } else {
      return undefined;
    }
    defs.push(shape.def);
  }
  return defs;
}
