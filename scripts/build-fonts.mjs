#!/usr/bin/env node
// Fill the font cache (node_modules/.cache/noticekit/fonts) so the first PDF build is fast.
// Run by `npm run prepare` after compiling.
import { fontFiles, FONT_CACHE_DIR } from '../dist/render/pdf/fonts.js';

const start = Date.now();
// Both sets: the Latin one most documents get, and the one with Greek and Cyrillic.
const files = [...(await fontFiles('latin')), ...(await fontFiles('all'))];
console.log(`noticekit: ${files.length} font files ready in ${FONT_CACHE_DIR} (${Date.now() - start} ms)`);
