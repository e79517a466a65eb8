/**
 * `noticekit merge-manifests SHARD_DIR... --out DIR`: join sharded build outputs.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MergeError, mergeShards } from '../../build/merge.js';
import { OutputRefusedError } from '../../build/output-guard.js';
import { ExitError, UsageError } from '../io.js';
import type { Command } from './types.js';

export const mergeManifestsCommand: Command = {
  name: 'merge-manifests',
  usage: `Usage: noticekit merge-manifests SHARD_DIR... --out DIR [--templates DIR]

Copies every file of each shard output (checked against its manifest.json), writes one
manifest.json and one index.html, and swaps DIR in whole. Fails if a file is missing, does not
match its hash, or differs between shards.

Options:
  --out DIR          merged output folder (default: public); replaced only when it is empty,
                     missing or an earlier noticekit output
  --templates DIR    templates for index.html (as given to build)
  -h, --help         show this help

Example (a CI matrix of 4 machines):
  noticekit build --shard 1/4 --out shard-1      (one per machine)
  noticekit merge-manifests shard-1 shard-2 shard-3 shard-4 --out public`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', default: 'public' }, templates: { type: 'string' } },
    });
    if (positionals.length === 0) throw new UsageError('Name at least one shard output folder.');
    try {
      const files = await mergeShards(
        positionals.map((p) => path.resolve(io.cwd, p)),
        path.resolve(io.cwd, values.out),
        values.templates && path.resolve(io.cwd, values.templates),
        io.cwd,
      );
      io.stderr.write(`Merged ${positionals.length} shards: ${files.length} files into ${values.out}/.\n`);
      return 0;
    } catch (error) {
      if (error instanceof OutputRefusedError) throw new ExitError(2, `${error.message}\nNothing was written.`);
      if (error instanceof MergeError) throw new ExitError(1, `${error.message}\n${values.out} is unchanged.`);
      throw error;
    }
  },
};
