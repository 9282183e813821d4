import fs from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { dataPaths } from './data-layout';
import { redact } from './redact';

/** Only plain values: a log event names what happened, never who it happened to. */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface Logger {
  readonly file: string;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, error?: unknown, fields?: LogFields): void;
}

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_ARCHIVES_KEPT = 5;

/**
 * A rotating log in <dataDir>/logs/qinglang.log that a school can send when something goes wrong:
 * at most 1 MB plus five archives. Every line passes through redact() first.
 */
export function createFileLogger(dataDir: string): Logger {
  const file = dataPaths(dataDir).logFile;
  const log = electronLog.create({ logId: `qinglang:${file}` });
  // electron-log looks for an app name in a package.json above the working folder and writes
  // nothing when there is none (the CLI run from anywhere): give it one.
  log.transports.file.setAppName('qinglang-inspector');
  log.transports.console.level = false;
  log.transports.file.level = 'info';
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.archiveLogFn = (old) => rotate(old.toString());

  const line = (event: string, fields?: LogFields) =>
    redact(fields && Object.keys(fields).length > 0 ? `${event} ${JSON.stringify(fields)}` : event);

  return {
    file,
    info: (event, fields) => log.info(line(event, fields)),
    warn: (event, fields) => log.warn(line(event, fields)),
    error: (event, error, fields) => log.error(`${line(event, fields)}${redact(describe(error))}`),
  };
}

/** qinglang.log → qinglang.1.log → … → qinglang.5.log, the oldest dropped. */
export function rotate(file: string): void {
  const { dir, name, ext } = path.parse(file);
  const archive = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  fs.rmSync(archive(LOG_ARCHIVES_KEPT), { force: true });
  for (let n = LOG_ARCHIVES_KEPT - 1; n >= 1; n--) {
    if (fs.existsSync(archive(n))) fs.renameSync(archive(n), archive(n + 1));
  }
  fs.renameSync(file, archive(1));
}

function describe(error: unknown): string {
  if (error === undefined) return '';
  if (error instanceof Error) return `\n${error.stack ?? `${error.name}: ${error.message}`}`;
  return `\n${String(error)}`;
}

export const silentLogger: Logger = {
  file: '',
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
