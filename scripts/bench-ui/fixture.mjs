import { spawn, execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkout } from './checkout.mjs';

/** The data folder a run starts from, and the app (the browser harness) serving it. */

const REGISTER_ROWS = 1000;

const localToday = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * A data folder holding one sample inspection (the CLI's own demo generator, dated today so the
 * share of flagged rows is the same every day) whose device register is grown to 1,000 rows.
 */
export async function writeFixture(dataDir) {
  const samples = path.join(dataDir, 'samples');
  execFileSync(
    process.execPath,
    [
      path.join(checkout, 'out/main/cli.js'),
      // Unsigned: a signed sample is locked, and its grown register would break its signature.
      ...['demo', '--out', samples, '--count', '1', '--seed', 'bench-ui', '--as-of', localToday()],
      '--unsigned',
    ],
    { env: { ...process.env, QINGLANG_DATA_DIR: dataDir }, stdio: 'pipe' },
  );
  const [file] = await readdir(samples);
  const inspection = JSON.parse(await readFile(path.join(samples, file), 'utf8'));
  const seedRows = inspection.registers.dev_register;
  if (!seedRows?.length) throw new Error('the demo inspection has no device register rows');
  inspection.registers.dev_register = Array.from({ length: REGISTER_ROWS }, (_, i) => {
    const row = seedRows[i % seedRows.length];
    return { ...row, id: `bench-${String(i).padStart(4, '0')}`, evidence: [] };
  });
  // Actions on the rows renamed above stay with the item (as deleting their row would leave them).
  const rowIds = new Set(inspection.registers.dev_register.map((r) => r.id));
  inspection.actions = inspection.actions.map(({ rowId, ...action }) =>
    action.itemId === 'dev_register' && !rowIds.has(rowId) ? action : { ...action, rowId },
  );
  await mkdir(path.join(dataDir, 'inspections'));
  await writeFile(
    path.join(dataDir, 'inspections', `${inspection.id}.json`),
    JSON.stringify({ schemaVersion: 2, inspection }),
  );
  await writeFile(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      schemaVersion: 2,
      language: 'zh-CN',
      index: {},
      profile: inspection.school,
      inspector: inspection.inspector,
    }),
  );
  await rm(samples, { recursive: true });
  return inspection.id;
}

/** Starts `node out/main/harness.js --port 0` over the folder and waits for its one line. */
export function startHarness(dataDir) {
  const child = spawn(
    process.execPath,
    [path.join(checkout, 'out/main/harness.js'), '--port', '0'],
    {
      env: { ...process.env, QINGLANG_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const fail = (message) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}\n${out}${err}`));
    };
    const timer = setTimeout(() => fail('the harness did not start within 15 s'), 15_000);
    child.stderr.on('data', (chunk) => (err += chunk));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^Qinglang Inspector: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1], stop });
    });
    child.once('exit', (code) => fail(`the harness exited with ${code}`));
  });
}
