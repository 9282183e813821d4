import path from 'node:path';
import { runHarness } from './harness/run';

/** The browser harness's entry (out/main/harness.js): see harness/run.ts. */
const run = await runHarness(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  root: path.resolve(import.meta.dirname, '../..'),
});
if (run.kind === 'exited') {
  process.exit(run.code);
} else {
  const stop = (signal: string) => void run.stop(signal).then(() => process.exit(0));
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
