import { runCli } from './cli/run';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  ...(process.stderr.isTTY && {
    progress: (text: string) => process.stderr.write(`\r${text}\u001b[K`),
  }),
});
