/**
 * `noticekit preview [files|dirs]`: a local page of every notice's HTML in every locale, checked
 * and re-rendered on each save, with validate and lint findings shown in the page.
 */
import path from 'node:path';
import { DEFAULT_PORT, startPreview } from '../../preview/index.js';
import { defineCommand } from './types.js';

export const previewCommand = defineCommand({
  name: 'preview',
  synopsis: ['noticekit preview [files|dirs...] [options]'],
  description: `Serves the notices (default: notices/) on http://127.0.0.1:PORT/ only: the HTML of every locale as
'noticekit build' renders it, with the validate and lint findings of each file (linked to their
lines), re-checked whenever a file is saved; the page reloads by itself. No script from a notice
runs. Stop it with Ctrl-C.`,
  options: {
    port: { type: 'int', arg: 'N', min: 0, max: 65535, help: `port to listen on (default: ${DEFAULT_PORT}, or a free one if it is taken;\n0: any free port)` },
    templates: { type: 'string', arg: 'DIR', help: 'your own templates folder, as for build' },
    date: { type: 'string', arg: 'YYYY-MM-DD', pattern: /^\d{4}-\d{2}-\d{2}$/, expected: 'YYYY-MM-DD', help: 'judge adequacy decisions as on this day (default: today)' },
  },
  footer: `Exit status: 0 stopped by Ctrl-C or SIGTERM, 2 usage error or the port asked for is taken.
Next: noticekit build (publish what the preview shows).`,
  async run({ values, positionals }, io) {
    const server = await startPreview({
      targets: positionals.length > 0 ? positionals : ['notices'],
      cwd: io.cwd,
      ...(values.port !== undefined ? { port: values.port } : {}),
      ...(values.templates ? { templatesDir: path.resolve(io.cwd, values.templates) } : {}),
      ...(values.date ? { today: values.date } : {}),
      onRefresh(notices, generation) {
        const problems = notices.reduce((n, x) => n + x.diagnostics.length, 0);
        io.stderr.write(`${generation === 1 ? 'checked' : 'checked again'}: ${notices.length} ${notices.length === 1 ? 'notice' : 'notices'}, ${problems} ${problems === 1 ? 'finding' : 'findings'}\n`);
      },
    });
    io.stdout.write(`Preview: ${server.url}\n`);
    await new Promise<void>((resolve) => {
      const unregister = io.onSignal?.(() => {
        unregister?.();
        resolve();
      });
      if (!io.onSignal) resolve();
    });
    await server.close();
    return 0;
  },
});
