import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { openAppCore } from '../../../electron/ipc/app-core';
import { dataPaths } from '../../../electron/services/data-layout';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import type { Inspection } from '../../../shared/inspection/schema';
import type { IpcResult } from '../../../shared/ipc/define';
import { createRandom } from '../../../shared/random';
import type { Template } from '../../../shared/template/schema';
import { randomChanges, refusedChange } from './crash-changes';
import type { ChildLine, FileState, OpKind } from './crash-protocol';
import { MAX_INSPECTIONS, OPS_PER_RUN } from './crash-protocol';

/**
 * The process the crash test kills: the real services on a data folder, opened the way both shells
 * open them (openAppCore, with the folder's lock), and a stream of operations through the
 * dispatcher. One line on stdout when it is ready, one before each operation and one after it
 * completes, with what the file then holds. stdout is a pipe: each line is written synchronously
 * and whole, so a line the parent reads was written before the kill.
 *
 * argv: <dataDir> <seed> <start instant in ms>
 */
const [dataDir, seed, startArg] = process.argv.slice(2) as [string, string, string];
const rng = createRandom(seed);
let clock = Number(startArg);
const atIso = () => new Date(clock).toISOString();
const core = openAppCore({
  dataDir,
  version: '0.0.0-crash',
  shell: 'browser',
  storeFactory: confStoreFactory,
  log: silentLogger,
  lock: true,
  now: () => new Date(clock),
});
const paths = dataPaths(dataDir);
const say = (line: ChildLine) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function call<T>(channel: string, input?: unknown): Promise<IpcResult<T>> {
  return (await core.dispatch(channel, input)) as IpcResult<T>;
}

/** What the inspection's file holds now, or null when there is none. */
function observe(id: string): FileState | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(paths.inspectionFile(id));
  } catch {
    return null;
  }
  const stored = JSON.parse(bytes.toString('utf8')) as {
    inspection: Inspection;
    trashedAt?: string;
  };
  return {
    sha: createHash('sha256').update(bytes).digest('hex'),
    updatedAt: stored.inspection.updatedAt,
    trashedAt: stored.trashedAt ?? null,
  };
}

interface Known {
  trashed: boolean;
}
const known = new Map<string, Known>();
const templates = new Map<string, Template>();
const made = new Map<string, number>();

async function templateOf(inspection: Inspection): Promise<Template> {
  const key = `${inspection.template.id}@${inspection.template.version}`;
  let template = templates.get(key);
  if (!template) {
    const found = await call<Template>('templates:get', {
      id: inspection.template.id,
      version: inspection.template.version,
    });
    if (!found.ok) throw new Error(`templates:get failed: ${found.error.message}`);
    template = found.value;
    templates.set(key, template);
  }
  return template;
}

const period = () => ({ year: rng.int(2025, 2028), term: rng.pick(['spring', 'autumn'] as const) });
const inspector = () => rng.pick(['李明', '王芳', '张伟']);

function chooseOp(): { op: OpKind; id?: string } {
  const ids = [...known.keys()];
  const live = ids.filter((id) => !known.get(id)!.trashed);
  const trashed = ids.filter((id) => known.get(id)!.trashed);
  const room = ids.length < MAX_INSPECTIONS;
  const op = rng.weighted<OpKind>([
    ['update', live.length > 0 ? 60 : 0],
    ['trash', live.length > 1 ? 9 : 0],
    ['restore', trashed.length > 0 ? 9 : 0],
    ['create', room ? 6 : 0],
    ['duplicate', room && ids.length > 0 ? 6 : 0],
    ['purge', trashed.length > 0 && ids.length > 4 ? 4 : 0],
  ]);
  if (op === 'create') return { op };
  const pool = op === 'update' || op === 'trash' ? live : op === 'duplicate' ? ids : trashed;
  return { op, id: rng.pick(pool) };
}

/** Runs one operation through the door; the id it touched (a new one for create and duplicate). */
async function perform(op: OpKind, id: string | undefined): Promise<[IpcResult<unknown>, string?]> {
  switch (op) {
    case 'update': {
      const got = await call<Inspection>('inspections:get', { id });
      if (!got.ok) return [got, id];
      const template = await templateOf(got.value);
      const changes = randomChanges(template, got.value, rng, atIso(), made);
      // Now and then a batch the pipeline refuses as a whole.
      if (rng.chance(0.05)) changes.push(refusedChange(template));
      return [await call('inspections:update', { id, changes }), id];
    }
    case 'create': {
      const result = await call<InspectionSummary>('inspections:create', {
        period: period(),
        inspector: inspector(),
      });
      return [result, result.ok ? result.value.id : undefined];
    }
    case 'duplicate': {
      const input = { period: period(), inspector: inspector() };
      const result = await call<{ summary: InspectionSummary }>('inspections:duplicate', {
        ...input,
        sourceId: id,
        withAnswers: rng.chance(0.5),
      });
      return [result, result.ok ? result.value.summary.id : undefined];
    }
    default:
      return [await call(`inspections:${op}`, { id }), id];
  }
}

async function main(): Promise<void> {
  const listed = await call<InspectionSummary[]>('inspections:list');
  if (!listed.ok) throw new Error(`inspections:list failed: ${listed.error.message}`);
  for (const summary of listed.value) {
    known.set(summary.id, { trashed: summary.trashedAt !== undefined });
  }
  say({ t: 'ready' });
  for (let k = 1; k <= OPS_PER_RUN; k++) {
    clock += 1000;
    const { op, id } = chooseOp();
    say({ t: 'begin', k, op, at: atIso(), ...(id !== undefined && { id }) });
    const [result, touched] = await perform(op, id);
    const file = touched === undefined ? null : observe(touched);
    say({
      t: 'done',
      k,
      ok: result.ok,
      ...(!result.ok && { code: result.error.code }),
      ...(result.ok &&
        op === 'update' && { updatedAt: (result.value as { updatedAt: string }).updatedAt }),
      ...(touched !== undefined && { id: touched }),
      file,
      kinds: Object.fromEntries(made),
    });
    made.clear();
    if (result.ok && touched !== undefined) {
      if (op === 'purge') known.delete(touched);
      else known.set(touched, { trashed: op === 'trash' });
    }
  }
  core.services.close();
}

await main();
