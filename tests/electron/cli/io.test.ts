import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamIo } from '../../../electron/cli/io';

/** A stream that keeps what it is given, or fails every write with `code`. */
function stream(code?: string) {
  const written: string[] = [];
  let attempts = 0;
  const writable = new Writable({
    write(chunk: Buffer, _encoding, done) {
      attempts += 1;
      if (code === undefined) {
        written.push(chunk.toString());
        done();
      } else done(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
  return { writable, written, attempts: () => attempts };
}

/** Resolves when a stream has closed, whatever error closed it (events.once would reject). */
const closed = (writable: NodeJS.WritableStream) =>
  new Promise<void>((resolve) => writable.on('close', () => resolve()));

describe('the CLI io over streams', () => {
  it('writes lines, and progress only on a terminal', () => {
    const out = stream();
    const err = stream();
    const io = streamIo(out.writable, err.writable, {}, false);
    io.out('一 / one');
    io.err('二 / two');
    expect(out.written).toEqual(['一 / one\n']);
    expect(err.written).toEqual(['二 / two\n']);
    expect(io.progress).toBeUndefined();
    expect(streamIo(out.writable, err.writable, {}, true).progress).toBeTypeOf('function');
  });

  it('drops what is left quietly when the reader has gone (EPIPE), and fails nothing', async () => {
    const out = stream('EPIPE');
    const err = stream();
    const io = streamIo(out.writable, err.writable, {}, false);
    io.out('first');
    await closed(out.writable);
    io.out('second');
    io.out('third');
    expect(out.attempts()).toBe(1);
    expect(err.written).toEqual([]);
    expect(io.failed()).toBe(false);
  });

  it('says once on stderr when stdout fails otherwise, and reports it failed', async () => {
    const out = stream('ENOSPC');
    const err = stream();
    const io = streamIo(out.writable, err.writable, {}, false);
    io.out('first');
    await closed(out.writable);
    io.out('second');
    expect(err.written).toEqual(['无法写出输出（ENOSPC） / cannot write the output (ENOSPC)\n']);
    expect(io.failed()).toBe(true);
  });

  it('survives a real pipe whose reader has exited', async () => {
    const reader = spawn(process.execPath, ['-e', ''], { stdio: ['pipe', 'ignore', 'ignore'] });
    await once(reader, 'exit');
    const err = stream();
    const io = streamIo(reader.stdin, err.writable, {}, false);
    const gone = closed(reader.stdin);
    for (let i = 0; i < 1000; i++) io.out(`line ${i} ${'x'.repeat(100)}`);
    await gone;
    io.out('after');
    expect(err.written).toEqual([]);
    expect(io.failed()).toBe(false);
  });
});
