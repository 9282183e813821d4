import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HARNESS = path.join(checkout, 'out/main/harness.js');

export interface HarnessProcess {
  /** The printed address, with the token. */
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  /** Stops it as a user would (Ctrl+C is SIGINT); resolves to its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `node out/main/harness.js --port 0` as a user would and waits for its one line. */
export function startHarnessProcess(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<HarnessProcess> {
  const child = spawn(process.execPath, [HARNESS, '--port', '0', ...extraArgs], {
    env: { ...process.env, QINGLANG_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => fail(new Error(`harness did not start:\n${out}\n${err}`)),
      15_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/^Qinglang Inspector: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!;
      resolve({
        url,
        origin: new URL(url).origin,
        dataDir,
        stop: (signal = 'SIGTERM') => stop(child, signal),
      });
    });
    child.once('exit', (code) => fail(new Error(`harness exited with ${code}:\n${out}\n${err}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

/** Runs the harness with arguments that make it exit by itself; resolves to its code and output. */
export function runHarnessToExit(
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [HARNESS, ...args], {
    env: { ...process.env, QINGLANG_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
