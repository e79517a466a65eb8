/**
 * `noticekit merge-manifests SHARD_DIR... --out DIR`: join sharded build outputs.
 */
import path from 'node:path';
import { MergeError, mergeShards } from '../../build/merge.js';
import { OutputRefusedError } from '../../build/output-guard.js';
import { ExitError, UsageError } from '../io.js';
import { defineCommand } from './types.js';

export const mergeManifestsCommand = defineCommand({
  name: 'merge-manifests',
  synopsis: ['noticekit merge-manifests SHARD_DIR... --out DIR [--templates DIR]'],
  description: `Copies every file of each shard output (checked against its manifest.json), writes one
manifest.json and one index.html, and swaps DIR in whole. Fails if a file is missing, does not
match its hash, or differs between shards.`,
  options: {
    out: { type: 'string', arg: 'DIR', default: 'public', help: 'merged output folder (default: public); replaced only when it is empty,\nmissing or an earlier noticekit output' },
    templates: { type: 'string', arg: 'DIR', help: 'templates for index.html (as given to build)' },
  },
  footer: `Example (a CI matrix of 4 machines):
  noticekit build --shard 1/4 --out shard-1      (one per machine)
  noticekit merge-manifests shard-1 shard-2 shard-3 shard-4 --out public`,
  async run({ values, positionals }, io) {
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
      if (error instanceof OutputRefusedError) throw new ExitError(error.exitCode, `${error.message}\nNothing was written.`);
      if (error instanceof MergeError) throw new ExitError(error.exitCode, `${error.message}\n${values.out} is unchanged.`);
      throw error;
    }
  },
});
