/**
 * `noticekit diff` through `run(argv, io)`: exit codes as diff(1), --fail-on, formats, colour,
 * and invalid inputs reported like `validate` on stderr.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { formatDiffHtml, formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../src/diff/index.js';
import { diffFiles, fakeIO, ROOT } from './helpers.js';

const V1 = 'test/fixtures/notices/praxisportal.v1.yaml';
const V2 = 'test/fixtures/notices/praxisportal.v2.yaml';
const fixture = (name: string, side: 'a' | 'b') => `test/fixtures/diff/${name}/${side}.yaml`;

const scratch = mkdtempSync(path.join(tmpdir(), 'noticekit-diff-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('noticekit diff: exit status', () => {
  it('0 and "No differences" for identical notices', async () => {
    const io = fakeIO(ROOT);
    expect(await run(['diff', V1, V1], io)).toBe(0);
    expect(io.out()).toContain('No differences.');
    expect(io.err()).toBe('');
  });

  it('0 for the same notice with CRLF line ends or reordered keys', async () => {
    for (const name of ['crlf', 'reordered-keys']) {
      const io = fakeIO(ROOT);
      expect(await run(['diff', fixture(name, 'a'), fixture(name, 'b'), '--format', 'json'], io)).toBe(0);
      expect(JSON.parse(io.out()).changes).toEqual([]);
    }
  });

  it('1 when there are differences', async () => {
    const io = fakeIO(ROOT);
    expect(await run(['diff', V1, V2], io)).toBe(1);
    expect(io.out()).toContain('purposes/video-consultation');
    expect(io.err()).toBe('');
  });

  it('--fail-on material: 1 with a material change, 0 with editorial ones only', async () => {
    expect(await run(['diff', V1, V2, '--fail-on', 'material'], fakeIO(ROOT))).toBe(1);
    expect(await run(['diff', fixture('metadata', 'a'), fixture('metadata', 'b'), '--fail-on', 'material'], fakeIO(ROOT))).toBe(0);
    expect(await run(['diff', fixture('metadata', 'a'), fixture('metadata', 'b')], fakeIO(ROOT))).toBe(1);
    expect(await run(['diff', V1, V1, '--fail-on', 'material'], fakeIO(ROOT))).toBe(0);
  });

  it('--fail-on review: 1 with a material or review change, 0 with editorial ones only', async () => {
    expect(await run(['diff', fixture('free-clause-reworded', 'a'), fixture('free-clause-reworded', 'b'), '--fail-on', 'review'], fakeIO(ROOT))).toBe(1);
    expect(await run(['diff', fixture('free-clause-reworded', 'a'), fixture('free-clause-reworded', 'b'), '--fail-on', 'material'], fakeIO(ROOT))).toBe(0);
    expect(await run(['diff', V1, V2, '--fail-on', 'review'], fakeIO(ROOT))).toBe(1);
    expect(await run(['diff', fixture('metadata', 'a'), fixture('metadata', 'b'), '--fail-on', 'review'], fakeIO(ROOT))).toBe(0);
    expect(await run(['diff', fixture('spelling', 'a'), fixture('spelling', 'b'), '--fail-on', 'review'], fakeIO(ROOT))).toBe(0);
  });

  it('2 with validate-style diagnostics on stderr when a side is invalid', async () => {
    const broken = path.join(scratch, 'broken.yaml');
    writeFileSync(broken, readFileSync(path.join(ROOT, V2), 'utf8').replace('gdpr: 6(1)(a)', 'gdpr: 6(1)(z)'));
    const io = fakeIO(ROOT);
    expect(await run(['diff', V1, broken], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/broken\.yaml/);
    expect(io.err()).toMatch(/\d+:\d+ +error .*not-allowed-value/);
    expect(io.err()).toContain('not a valid notice');
  });

  it('2 when a file does not exist', async () => {
    const io = fakeIO(ROOT);
    expect(await run(['diff', V1, 'no/such/notice.yaml'], io)).toBe(2);
    expect(io.err()).toContain('no/such/notice.yaml');
    expect(io.err()).toContain('file-unreadable');
  });

  it('2 on usage errors', async () => {
    for (const argv of [['diff', V1], ['diff', V1, V2, '--format', 'pdf'], ['diff', V1, V2, '--fail-on', 'some'], ['diff', V1, V2, '--to', 'HEAD'], ['diff', V1, V2, '--bogus']]) {
      const io = fakeIO(ROOT);
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toContain('noticekit diff');
      expect(io.out()).toBe('');
    }
  });

  it('prints help naming the next command', async () => {
    const io = fakeIO(ROOT);
    expect(await run(['diff', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--fail-on');
    expect(io.out()).toContain('noticekit history');
  });
});

describe('noticekit diff: output', () => {
  it('writes each format to stdout, as its formatter (loaded only for that format) writes it', async () => {
    const diff = diffFiles(path.join(ROOT, V1), path.join(ROOT, V2));
    const formats = [
      ['json', '"changes"', formatDiffJson(diff)],
      ['md', '### Material changes', formatDiffMarkdown(diff)],
      ['html', '<!DOCTYPE html>', formatDiffHtml(diff)],
      ['text', 'Material changes', formatDiffText(diff)],
    ] as const;
    for (const [format, probe, expected] of formats) {
      const io = fakeIO(ROOT);
      await run(['diff', V1, V2, '--format', format], io);
      expect(io.out()).toContain(probe);
      expect(io.out(), format).toBe(expected);
      expect(io.err()).toBe('');
    }
  });

  it('--timestamp dates html and md; without it they are reproducible', async () => {
    const once = fakeIO(ROOT);
    const twice = fakeIO(ROOT);
    await run(['diff', V1, V2, '--format', 'html'], once);
    await run(['diff', V1, V2, '--format', 'html'], twice);
    expect(once.out()).toBe(twice.out());
    const dated = fakeIO(ROOT, { env: { SOURCE_DATE_EPOCH: '1768435200' } });
    await run(['diff', V1, V2, '--format', 'md', '--timestamp'], dated);
    expect(dated.out()).toContain('Generated 2026-01-15T00:00:00.000Z');
  });

  it('colours text only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const ansi = /\u001b\[/;
    const tty = fakeIO(ROOT, { stdoutIsTTY: true });
    await run(['diff', V1, V2], tty);
    expect(tty.out()).toMatch(ansi);
    const pipe = fakeIO(ROOT);
    await run(['diff', V1, V2], pipe);
    expect(pipe.out()).not.toMatch(ansi);
    const noColor = fakeIO(ROOT, { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    await run(['diff', V1, V2], noColor);
    expect(noColor.out()).not.toMatch(ansi);
    const flag = fakeIO(ROOT, { stdoutIsTTY: true });
    await run(['diff', V1, V2, '--no-color'], flag);
    expect(flag.out()).not.toMatch(ansi);
  });
});
