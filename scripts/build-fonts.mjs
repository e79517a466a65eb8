#!/usr/bin/env node
// Make the subset fonts into dist/fonts/, which the package ships, so that no install (a global or
// read-only one included) ever has to write them. Run by `npm run build` after compiling, and so
// by `npm pack` and `npm publish` (prepack) and after `npm ci` in a checkout (prepare) too.
import { fontFiles, SHIPPED_FONT_DIR } from '../dist/render/pdf/fonts.js';

const start = Date.now();
// Both sets: the Latin one most documents get, and the one with Greek and Cyrillic.
const files = [...(await fontFiles('latin', true)), ...(await fontFiles('all', true))];
console.log(`noticekit: ${files.length} font files ready in ${SHIPPED_FONT_DIR} (${Date.now() - start} ms)`);
