/**
 * A minimal Language Server Protocol client over stdio for tests: Content-Length framing,
 * requests with ids, answers to the server's own requests (workspace/configuration), and the
 * notifications it sends (publishDiagnostics).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** A language server process and a way to talk to it. */
export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: Message) => void>();
  /** Everything the server wrote on stderr (for failure messages). */
  stderr = '';

  /**
   * Start a server.
   * @param command executable and arguments, e.g. `[process.execPath, 'node_modules/yaml-language-server/bin/yaml-language-server', '--stdio']`
   * @param settings what the server gets when it asks for `workspace/configuration`, by section
   */
  constructor(command: string[], private readonly settings: Record<string, unknown>, cwd?: string) {
    this.child = spawn(command[0]!, command.slice(1), { stdio: 'pipe', cwd });
    this.child.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method && message.id !== undefined) {
      // A request from the server.
      let result: unknown = null;
      if (message.method === 'workspace/configuration') {
        const items = (message.params as { items: { section?: string }[] }).items;
        result = items.map((i) => (i.section ? (this.settings[i.section] ?? null) : this.settings));
      }
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.id !== undefined && typeof message.id === 'number' && this.pending.has(message.id)) {
      const waiting = this.pending.get(message.id)!;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else waiting.resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /** Send a request and wait for its result. */
  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Send a notification. */
  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Wait for a notification from the server.
   * @param accept which one (e.g. diagnostics for one document, non-empty)
   * @param timeoutMs give up after this long
   */
  waitFor<T>(method: string, accept: (params: T) => boolean, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${method} within ${timeoutMs} ms; server stderr:\n${this.stderr}`));
      }, timeoutMs);
      const listener = (m: Message) => {
        if (m.method === method && accept(m.params as T)) {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolve(m.params as T);
        }
      };
      this.listeners.add(listener);
    });
  }

  /** Shut the server down politely, then make sure it is gone. */
  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 3_000))]);
      this.notify('exit', null);
    } finally {
      setTimeout(() => this.child.kill(), 1_000).unref();
    }
  }
}
