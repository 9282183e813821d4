import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openAppCore } from '../../../electron/ipc/app-core';
import { dataPaths, inspectionIdOf } from '../../../electron/services/data-layout';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import type { AuditEntry, Inspection } from '../../../shared/inspection/schema';
import type { IpcResult } from '../../../shared/ipc/define';
import type { Settings } from '../../../shared/settings';
import { PROFILE } from '../services/inspection-fixtures';
import type { ChildLine, FileState } from './crash-protocol';

export type Begin = Extract<ChildLine, { t: 'begin' }>;
export type Done = Extract<ChildLine, { t: 'done' }>;

/** What one data folder is known to hold: each inspection's last acknowledged file. */
export interface Ledger {
  readonly dataDir: string;
  readonly files: Map<string, FileState>;
}

/** What the runs add up to, for the report. */
export interface Tally {
  acknowledged: number;
  refused: Record<string, number>;
  ops: Record<string, number>;
  changeKinds: Record<string, number>;
  /** Kills with an operation begun and not acknowledged, by what the disk held afterwards. */
  inFlightOld: number;
  inFlightNew: number;
  /** Kills before the child said it was ready (while it opened the folder). */
  duringStartUp: number;
}

export const emptyTally = (): Tally => ({
  acknowledged: 0,
  refused: {},
  ops: {},
  changeKinds: {},
  inFlightOld: 0,
  inFlightNew: 0,
  duringStartUp: 0,
});

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

export class CrashFailure extends Error {}

/** The state of one inspection's file on disk, or null when there is none. */
export function fileState(dataDir: string, id: string): FileState | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(dataPaths(dataDir).inspectionFile(id));
  } catch {
    return null;
  }
  let stored: { inspection?: { updatedAt?: unknown }; trashedAt?: unknown };
  try {
    stored = JSON.parse(bytes.toString('utf8')) as typeof stored;
  } catch {
    throw new CrashFailure(`inspections/${id}.json is not JSON (a torn write)`);
  }
  return {
    sha: createHash('sha256').update(bytes).digest('hex'),
    updatedAt: String(stored.inspection?.updatedAt),
    trashedAt: typeof stored.trashedAt === 'string' ? stored.trashedAt : null,
  };
}

const same = (a: FileState | null | undefined, b: FileState | null | undefined) =>
  (a ?? null) === null ? (b ?? null) === null : a!.sha === b?.sha;

/**
 * One acknowledged operation: the file must say what the result said, and a refused operation
 * must have written nothing. The ledger then holds the new state.
 */
export function acknowledge(ledger: Ledger, tally: Tally, begin: Begin, done: Done): void {
  const where = `operation ${done.k} (${begin.op} ${begin.id ?? ''} at ${begin.at})`;
  const fail: (message: string) => never = (message) => {
    throw new CrashFailure(`${where}: ${message}`);
  };
  tally.acknowledged++;
  bump(tally.ops, begin.op);
  for (const [kind, n] of Object.entries(done.kinds)) bump(tally.changeKinds, kind, n);
  if (!done.ok) {
    if (done.code === 'internal') fail('a handler crashed (internal)');
    bump(tally.refused, `${begin.op}:${done.code}`);
    if (begin.id !== undefined && !same(done.file, ledger.files.get(begin.id)))
      fail('refused, yet the file changed');
    return;
  }
  const id = done.id ?? fail('no id acknowledged');
  const file = done.file;
  const previous = ledger.files.get(id);
  switch (begin.op) {
    case 'update':
      if (!file || file.trashedAt !== null) fail('an update left the inspection trashed or gone');
      if (file.updatedAt !== done.updatedAt) fail('the file does not hold the saved version');
      if (file.updatedAt !== begin.at && !same(file, previous))
        fail('a changed file kept its time');
      break;
    case 'trash':
      if (file?.trashedAt !== begin.at) fail('not in the trash after trash');
      break;
    case 'restore':
      if (!file || file.trashedAt !== null) fail('still in the trash after restore');
      break;
    case 'create':
    case 'duplicate':
      if (previous) fail('a new inspection took an existing id');
      if (!file || file.trashedAt !== null || file.updatedAt !== begin.at) fail('no new file');
      break;
    case 'purge':
      if (file) fail('the file is still there after purge');
      ledger.files.delete(id);
      return;
  }
  ledger.files.set(id, file!);
}

/** Every file under the data folder, as paths relative to it. */
function walk(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(path.join(dir, entry.name), rel) : [rel];
  });
}

const lastAudit = (inspection: Inspection): AuditEntry | undefined => inspection.audit.at(-1);

/** The version the operation in flight writes: its time on it, in the shape that op gives. */
function isNewVersion(begin: Begin, ledger: Ledger, id: string, state: FileState): boolean {
  const { dataDir } = ledger;
  const { inspection } = JSON.parse(
    fs.readFileSync(dataPaths(dataDir).inspectionFile(id), 'utf8'),
  ) as { inspection: Inspection };
  const audit = lastAudit(inspection);
  switch (begin.op) {
    case 'update':
      return begin.id === id && state.trashedAt === null && state.updatedAt === begin.at;
    case 'trash':
      return begin.id === id && state.trashedAt === begin.at && audit?.event === 'trashed';
    case 'restore':
      return (
        begin.id === id &&
        state.trashedAt === null &&
        audit?.event === 'restored' &&
        audit.at === begin.at
      );
    case 'create':
    case 'duplicate':
      return !ledger.files.has(id) && state.trashedAt === null && inspection.createdAt === begin.at;
    case 'purge':
      return false;
  }
}

/**
 * After a kill: every inspection is either its acknowledged version or the one the operation in
 * flight was writing; nothing is lost, set aside as corrupt, or in the wrong place as to the
 * trash. Then the folder is opened again through the door, as the app would open it, and must
 * answer for every inspection with no notice to show.
 */
export async function checkAfterKill(
  ledger: Ledger,
  tally: Tally,
  inFlight: Begin | null,
  reopenAt: Date,
): Promise<void> {
  const { dataDir, files } = ledger;
  const where = inFlight
    ? `after a kill in ${inFlight.op} ${inFlight.id ?? ''} at ${inFlight.at}`
    : 'after a kill';
  const fail = (message: string): never => {
    throw new CrashFailure(`${where}: ${message}`);
  };
  const corrupt = () => walk(dataDir).filter((name) => name.includes('.corrupt-'));
  if (corrupt().length > 0) fail(`set aside as corrupt: ${corrupt().join(', ')}`);

  const onDisk = fs.readdirSync(dataPaths(dataDir).inspections).map(inspectionIdOf);
  let landed = false;
  for (const id of onDisk) {
    if (id === null) continue;
    const state = fileState(dataDir, id)!;
    if (same(state, files.get(id))) continue;
    if (!inFlight || landed || !isNewVersion(inFlight, ledger, id, state))
      fail(`inspections/${id}.json is neither its acknowledged version nor the one in flight`);
    landed = true;
    files.set(id, state);
  }
  for (const id of [...files.keys()]) {
    if (onDisk.includes(id)) continue;
    if (inFlight?.op !== 'purge' || inFlight.id !== id || landed) fail(`inspection ${id} was lost`);
    landed = true;
    files.delete(id);
  }
  if (inFlight) {
    if (landed) tally.inFlightNew++;
    else tally.inFlightOld++;
  }
  await reopen(ledger, reopenAt, fail);
  if (corrupt().length > 0) fail(`set aside as corrupt on opening: ${corrupt().join(', ')}`);
}

async function reopen(ledger: Ledger, at: Date, fail: (message: string) => never): Promise<void> {
  const core = openAppCore({
    dataDir: ledger.dataDir,
    version: '0.0.0-crash',
    shell: 'browser',
    storeFactory: confStoreFactory,
    log: silentLogger,
    now: () => at,
  });
  const call = async <T>(channel: string, input?: unknown) =>
    (await core.dispatch(channel, input)) as IpcResult<T>;
  const settings = await call<Settings>('settings:get');
  if (!settings.ok || JSON.stringify(settings.value.profile) !== JSON.stringify(PROFILE))
    fail('the school profile was lost');
  for (const [id, state] of ledger.files) {
    // Export reads the file itself (a listing may come from the index alone).
    const exported = await call<{ text: string }>('inspections:export', { id });
    if (!exported.ok) fail(`inspection ${id} does not open: ${exported.error.message}`);
    const inspection = JSON.parse(exported.value.text) as Inspection;
    if (inspection.updatedAt !== state.updatedAt) fail(`inspection ${id} opens at another version`);
  }
  const listed = await call<InspectionSummary[]>('inspections:list');
  if (!listed.ok) fail('inspections:list does not answer');
  const seen = Object.fromEntries(
    listed.value.map((s) => [s.id, { updatedAt: s.updatedAt, trashedAt: s.trashedAt ?? null }]),
  );
  const expected = Object.fromEntries(
    [...ledger.files].map(([id, s]) => [id, { updatedAt: s.updatedAt, trashedAt: s.trashedAt }]),
  );
  if (JSON.stringify(sorted(seen)) !== JSON.stringify(sorted(expected)))
    fail(`the list disagrees with the files: ${JSON.stringify({ seen, expected })}`);
  const info = await call<{ notices: unknown[] }>('app:info');
  if (!info.ok || info.value.notices.length > 0)
    fail(`notices on opening: ${JSON.stringify(info.ok && info.value.notices)}`);
}

const sorted = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** Temp files left where a write was cut short (the app does not clear them). */
export function leftoverTemps(dataDir: string): string[] {
  return walk(dataDir).filter((name) => /\.tmp-/.test(name) && !name.startsWith('backups/'));
}
