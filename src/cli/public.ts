export { run } from './index.js';
export type { CliIO } from './io.js';
