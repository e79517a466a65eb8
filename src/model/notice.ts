/**
 * The notice types. They are generated from `schema/notice.schema.json` (see
 * `scripts/gen-types.mjs`), so the types and the schema cannot drift apart; a test checks that
 * the generated file is current.
 */
export type * from './notice.generated.js';
