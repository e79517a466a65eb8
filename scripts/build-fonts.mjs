#!/usr/bin/env node
// Fill the font cache (node_modules/.cache/noticekit/fonts) so the first PDF build is fast.
// Run by `npm run prepare` after compiling.
import { fontFiles, FONT_CACHE_DIR } from '../dist/render/pdf/fonts.js';

const start = Date.now();
const files = await fontFiles();
console.log(`noticekit: ${files.length} font faces ready in ${FONT_CACHE_DIR} (${Date.now() - start} ms)`);
