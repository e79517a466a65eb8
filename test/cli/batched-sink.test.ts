import { describe, expect, it } from 'vitest';
import { BatchedSink } from '../../src/cli/io.js';

/** A sink that keeps each write apart. */
function recorder() {
  const writes: string[] = [];
  return { writes, sink: { write: (chunk: string) => writes.push(chunk) } };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchedSink', () => {
  it('writes the lines queued in one turn of the event loop as one write, after that turn', async () => {
    const { writes, sink } = recorder();
    const batched = new BatchedSink(sink);
    for (let i = 0; i < 500; i++) batched.line(`wrote doc-${i}.html\n`);
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split('\n')).toHaveLength(501);
    expect(writes[0]!.startsWith('wrote doc-0.html\nwrote doc-1.html\n')).toBe(true);
    batched.line('wrote later.html\n');
    await nextTurn();
    expect(writes).toEqual([expect.any(String), 'wrote later.html\n']);
  });

  it('writes queued lines before anything written directly, so the order is kept', async () => {
    const { writes, sink } = recorder();
    const batched = new BatchedSink(sink);
    batched.line('wrote a.md\n');
    batched.line('wrote b.md\n');
    batched.write('warning: something\n');
    batched.line('wrote c.md\n');
    batched.flush();
    expect(writes).toEqual(['wrote a.md\nwrote b.md\n', 'warning: something\n', 'wrote c.md\n']);
    await nextTurn();
    expect(writes).toHaveLength(3);
  });
});
