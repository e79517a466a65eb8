#!/usr/bin/env node
// Write dist/validate/notice-validator.cjs: the notice schema compiled by ajv as standalone code,
// so CLI runs skip the ~200 ms compile. Run by `npm run build` after tsc.
import { writeFileSync } from 'node:fs';
import { STANDALONE_PATH, standaloneValidatorSource } from '../dist/validate/compile-schema.js';

writeFileSync(STANDALONE_PATH, standaloneValidatorSource());
console.log(`noticekit: precompiled schema validator written to ${STANDALONE_PATH}`);
