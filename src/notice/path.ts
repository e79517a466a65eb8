/**
 * Key paths into a notice: the one written form (`purposes[1].legalBases[0].gdpr`), its parser,
 * JSON Pointers (as ajv reports them) and lookup in plain data.
 */

/** A key path: keys and list indices from the notice root. */
export type KeyPath = (string | number)[];

/**
 * Format a key path as `a.b[0].c` (list indices in brackets). This is the one form every
 * diagnostic, JSON output and message uses.
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** Split a key path written by {@link formatPath} (`a.b[0].c`) into keys and indices. */
export function parsePath(text: string): KeyPath {
  const out: KeyPath = [];
  for (const m of text.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  return out;
}

/** A JSON Pointer (`/purposes/0/id`, as ajv's `instancePath`) as a key path. */
export function pointerToPath(pointer: string): KeyPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** The value at a key path of plain data, or undefined. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}
