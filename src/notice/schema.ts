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
  /** Key path from the notice root. */
  path: (string | number)[];
  /** The `$defs` name this value is an instance of (`Notice` for the root), if any. */
  def?: string;
  /** `Def.property` of the property holding this value (for list items: the list's property). */
  slot?: string;
}

/**
 * Visit every value of a notice together with its schema definition, depth first, parents first.
 * Values the schema does not describe (unknown keys) are not visited.
 */
export function walkNotice(data: unknown, visit: (entry: WalkEntry) => void): void {
  const schema = noticeSchema();
  const defs = schema.$defs ?? {};
  const go = (value: unknown, node: SchemaNode, path: (string | number)[], def: string | undefined, slot: string | undefined) => {
    while (node.$ref) {
      def = defName(node.$ref);
      node = defs[def] ?? {};
    }
    visit({ value, path, def, slot });
    if (Array.isArray(value)) {
      if (node.items) value.forEach((item, i) => go(item, node.items!, [...path, i], undefined, slot));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const prop = node.properties?.[key];
      if (prop) go(child, prop, [...path, key], undefined, `${def ?? 'Notice'}.${key}`);
      else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
        go(child, node.additionalProperties, [...path, key], undefined, `${def ?? 'Notice'}.*`);
      }
    }
  };
  go(data, schema, [], 'Notice', undefined);
}
