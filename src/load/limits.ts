/**
 * The loader's limits: what a notice file may be at most.
 */

/** Largest notice file accepted, in bytes. The reference notice is about 20 KiB. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deepest YAML nesting accepted (mappings and lists). The schema needs about 8. */
export const MAX_DEPTH = 32;
