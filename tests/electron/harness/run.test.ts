import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HarnessIo, HarnessRun } from '../../../electron/harness/run';
import { runHarness } from '../../../electron/harness/run';
import { useTempDir } from '../temp-dir';

const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />
<script type="module" src="./assets/index.js"></script></head><body></body></html>`;

describe('runHarness', () => {
  const tempDir = useTempDir();
  const running: Extract<HarnessRun, { kind: 'running' }>[] = [];
  afterEach(async () => {
    for (const run of running.splice(0)) await run.stop('test');
  });

  /** A checkout with a renderer build in it (or none), and an io that records what is printed. */
  function checkout({ built = true } = {}) {
    const root = tempDir();
    if (built) {
      fs.mkdirSync(path.join(root, 'out/renderer'), { recursive: true });
      fs.writeFileSync(path.join(root, 'out/renderer/index.html'), PAGE);
    }
    const lines = { out: [] as string[], err: [] as string[] };
    const io: HarnessIo = {
      out: (line) => lines.out.push(line),
      err: (line) => lines.err.push(line),
      env: { QINGLANG_DATA_DIR: path.join(root, 'data') },
      root,
    };
    return { root, io, lines };
  }

  async function start(io: HarnessIo) {
    const run = await runHarness([], io);
    if (run.kind !== 'running') throw new Error(`did not start: ${JSON.stringify(run)}`);
    running.push(run);
    return run;
  }

  it('prints its usage for --help, and usage with the reason for bad options, starting nothing', async () => {
    const { io, lines, root } = checkout();
    expect(await runHarness(['--help'], io)).toEqual({ kind: 'exited', code: 0 });
    expect(lines.out.join('\n')).toMatch(/--port N/);
    expect(await runHarness(['--port', 'abc'], io)).toEqual({ kind: 'exited', code: 2 });
    expect(lines.err.join('\n')).toMatch(/--port must be a whole number[\s\S]*用法 Usage/);
    expect(fs.existsSync(path.join(root, 'data'))).toBe(false);
  });

  it('serves the page with the bridge on loopback, and prints the one address to open', async () => {
    const { io, lines } = checkout();
    const run = await start(io);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/$/);
    expect(lines.out).toEqual([`Qinglang Inspector: ${run.url}`]);
    const page = await fetch(run.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('harness-bridge.js');
  });

  it('refuses a data folder another harness holds, in one line in both languages, until it stops', async () => {
    const { io, lines } = checkout();
    const first = await start(io);
    expect(await runHarness([], io)).toEqual({ kind: 'exited', code: 1 });
    expect(lines.err).toHaveLength(1);
    expect(lines.err[0]).toMatch(/^qinglang browser: .*[\u4e00-\u9fff].* \/ [A-Z]/);
    await first.stop('test');
    running.splice(running.indexOf(first), 1);
    await start(io);
  });

  it('names the other computer holding the folder, and takes it over with --take-over', async () => {
    const { io, lines } = checkout();
    const dataDir = io.env.QINGLANG_DATA_DIR!;
    fs.mkdirSync(dataDir, { recursive: true });
    const foreign = { pid: 4242, host: '机房-PC-07', at: '2026-11-28T07:45:00.000Z' };
    fs.writeFileSync(path.join(dataDir, 'qinglang.lock'), JSON.stringify(foreign));
    expect(await runHarness([], io)).toEqual({ kind: 'exited', code: 1 });
    expect(lines.err.join('\n')).toMatch(/“机房-PC-07”[\s\S]*--take-over/);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'qinglang.lock'), 'utf8'))).toEqual(
      foreign,
    );

    const run = await runHarness(['--take-over'], io);
    expect(run.kind).toBe('running');
    if (run.kind === 'running') running.push(run);
  });

  it('says the renderer build is missing, and frees the data folder for the next start', async () => {
    const { io, lines, root } = checkout({ built: false });
    expect(await runHarness([], io)).toEqual({ kind: 'exited', code: 1 });
    expect(lines.err.at(-1)).toMatch(/npm run build/);
    fs.mkdirSync(path.join(root, 'out/renderer'), { recursive: true });
    fs.writeFileSync(path.join(root, 'out/renderer/index.html'), PAGE);
    await start(io);
  });
});
