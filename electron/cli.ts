import { streamIo } from './cli/io';
import { runCli } from './cli/run';

// A closed pipe (`qinglang … | head`) ends the output quietly (electron/cli/io.ts).
const io = streamIo(process.stdout, process.stderr, process.env, process.stderr.isTTY === true);
const code = await runCli(process.argv.slice(2), io);
process.exitCode = io.failed() && code === 0 ? 1 : code;
