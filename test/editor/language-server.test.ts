/**
 * The real yaml-language-server (what the VS Code YAML extension runs), over stdio, on a notice in
 * a consumer project that installed noticekit from npm: the README's modeline
 * `$schema=../node_modules/noticekit/schema/notice.schema.json` resolves, and the editor gets key
 * completion, Markdown hover help from the schema's markdownDescription, and a diagnostic for a
 * wrong `gdpr:` value.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
const MODELINE = '# yaml-language-server: $schema=../node_modules/noticekit/schema/notice.schema.json';
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/notice.schema.json'), 'utf8')) as {
  properties: Record<string, { markdownDescription: string }>;
  $defs: Record<string, { enum: string[]; markdownEnumDescriptions: string[] }>;
};

let project: string;
let uri: string;
let lines: string[];
let client: LspClient;
let diagnostics: { range: { start: { line: number; character: number } }; message: string; severity: number }[];

interface Position { line: number; character: number }
const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

beforeAll(async () => {
  // A consumer project: noticekit as npm installs it (package.json with its exports, schema/).
  project = mkdtempSync(path.join(tmpdir(), 'nk-consumer-'));
  const pkg = path.join(project, 'node_modules/noticekit');
  mkdirSync(path.join(pkg, 'schema'), { recursive: true });
  copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  copyFileSync(path.join(ROOT, 'schema/notice.schema.json'), path.join(pkg, 'schema/notice.schema.json'));
  mkdirSync(path.join(project, 'notices'));
  writeFileSync(path.join(project, 'package.json'), '{ "name": "consumer", "private": true }\n');
  const source = readFileSync(path.join(ROOT, 'notices/praxisportal.yaml'), 'utf8').split('\n');
  expect(source[0]).toMatch(/^# yaml-language-server: \$schema=/);
  source[0] = MODELINE;
  // A blank top-level line to complete keys on, and a legal basis the GDPR does not have.
  source.splice(source.findIndex((l) => l.startsWith('noticeType:')), 0, '');
  const basis = source.findIndex((l) => l.trim() === 'gdpr: 6(1)(b)');
  source[basis] = source[basis]!.replace('6(1)(b)', '6(1)(z)');
  lines = source;
  const file = path.join(project, 'notices/praxisportal.yaml');
  writeFileSync(file, source.join('\n'));
  uri = pathToFileURL(file).href;

  client = new LspClient([process.execPath, SERVER, '--stdio'], { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } }, project);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(project).href,
    workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'consumer' }],
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
      },
    },
  });
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } } });
  const published = client.waitFor<{ uri: string; diagnostics: typeof diagnostics }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: source.join('\n') } });
  diagnostics = (await published).diagnostics;
}, 60_000);
afterAll(async () => {
  await client?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('yaml-language-server with the npm-installed schema', () => {
  it('reports the wrong gdpr: value, at its line, and nothing else', () => {
    const at = lineOf('        gdpr: 6(1)(z)');
    expect(at).toBeGreaterThan(0);
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([at]);
    expect(diagnostics[0]!.message).toMatch(/6\(1\)\(b\)/);
    expect(diagnostics[0]!.severity).toBe(1);
  });

  it('completes top-level keys the notice does not have yet', async () => {
    const position: Position = { line: lineOf('noticeType:') - 1, character: 0 };
    expect(lines[position.line]).toBe('');
    const result = await client.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position });
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    expect(labels).toContain('representative');
    expect(labels).toContain('jointControllers');
    expect(labels).not.toContain('controller');
  });

  it('shows the markdownDescription as Markdown on hover', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('noticeType:'), character: 3 } });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain(schema.properties.noticeType!.markdownDescription);
  });

  it('offers each gdpr: value with what it is', async () => {
    const at = lineOf('        gdpr: 6(1)(z)');
    const result = await client.request<{ items: { label: string; documentation?: string | { value: string } }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: at, character: lines[at]!.length } });
    const items = Array.isArray(result) ? (result as typeof result.items) : result.items;
    const basis = schema.$defs.GdprBasis!;
    const f = items.find((i) => i.label === '6(1)(f)');
    expect(f, items.map((i) => i.label).join(', ')).toBeDefined();
    const doc = typeof f!.documentation === 'string' ? f!.documentation : f!.documentation?.value;
    expect(doc).toContain(basis.markdownEnumDescriptions[basis.enum.indexOf('6(1)(f)')]!);
  });
});
