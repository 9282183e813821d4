import fs from 'node:fs';
import path from 'node:path';
import { afterEach, vi } from 'vitest';
import type { InspectionStore } from '../../../electron/services/inspections/inspection-store';
import { openInspectionStore } from '../../../electron/services/inspections/inspection-store';
import { confStoreFactory } from '../../../electron/services/json-store';
import type { StoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import type { SettingsService } from '../../../electron/services/settings-service';
import { openSettings } from '../../../electron/services/settings-service';
import type { TemplateStore } from '../../../electron/services/templates/template-store';
import {
  LATEST_BUILT_IN,
  openTemplateStore,
  templateHash,
} from '../../../electron/services/templates/template-store';
import { sha256OfBytes } from '../../../electron/services/sample-data';
import { demoInspections } from '../../../shared/samples/demo';
import type { Inspection, Period, SchoolProfile } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { useTempDir } from '../temp-dir';

/** The instant every store in these tests believes it is. */
export const NOW = new Date('2026-11-29T08:30:00.000Z');
/** How quarantine() spells NOW in a file name. */
export const STAMP = '2026-11-29T08-30-00-000Z';
export const AUTUMN_2026: Period = { year: 2026, term: 'autumn' };
export const SPRING_2027: Period = { year: 2027, term: 'spring' };
export const INSPECTOR = '李明';

export const PROFILE: SchoolProfile = {
  name: '清朗市第一中学',
  code: '3101010001',
  district: '清朗区',
  stage: 'junior',
  address: '清朗区育才路 1 号',
  contactName: '王老师',
  contactPhone: '021-12345678',
};

/** What a new inspection pins unless the user chose another default: the latest built-in. */
export const LATEST_PIN = {
  id: LATEST_BUILT_IN.id,
  version: LATEST_BUILT_IN.version,
  hash: templateHash(LATEST_BUILT_IN),
};

/**
 * The set-up of the inspection store tests: a fresh folder for each test, and every spy restored
 * after it. Call it at the top of the suite; it returns the maker of folders.
 */
export function useStoreTempDir(): () => string {
  const tempDir = useTempDir();
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return tempDir;
}

/** Distinct, valid, lowercase inspection ids: 00000000-0000-4000-8000-<n>. */
export const idOf = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A newId that counts up from `start`, so every test knows its ids in advance. */
export function sequentialIds(start = 1): () => string {
  let n = start;
  return () => idOf(n++);
}

/** `count` realistic inspections of different schools against the latest built-in checklist. */
export function demo(count: number, seed = 'storage-tests'): Inspection[] {
  return demoInspections({
    count,
    seed,
    asOf: '2026-11-28',
    template: LATEST_BUILT_IN,
    templateHash: templateHash(LATEST_BUILT_IN),
    sha256: sha256OfBytes,
  });
}

/** The built-in checklist under another version: a second template a district might issue. */
export function otherTemplate(version = '2027.1'): Template {
  return {
    ...LATEST_BUILT_IN,
    version,
    title: { 'zh-CN': '区教育局专项检查表', 'en-US': 'District special checklist' },
  };
}

export interface World {
  readonly dataDir: string;
  readonly settings: SettingsService;
  readonly templates: TemplateStore;
  readonly store: InspectionStore;
}

export interface WorldOptions {
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly storeFactory?: StoreFactory;
  readonly profile?: boolean;
  readonly afterWrite?: () => void;
  readonly evidenceExists?: (sha256: string) => boolean;
  readonly beforeMigration?: () => void;
  readonly ownFingerprint?: () => string | undefined;
}

/**
 * Opens settings, templates and the inspection store on a data folder the way services.ts does
 * (a second call on the same folder is a restart). The school profile is set unless told not to.
 */
export function openWorld(dataDir: string, options: WorldOptions = {}): World {
  const now = options.now ?? (() => NOW);
  const storeFactory = options.storeFactory ?? confStoreFactory;
  const settings = openSettings({ dataDir, storeFactory, log: silentLogger, now });
  if (options.profile !== false && !settings.get().profile) {
    settings.update({ profile: PROFILE, inspector: INSPECTOR });
  }
  const templates = openTemplateStore({
    dataDir,
    log: silentLogger,
    now,
    defaultRef: () => settings.get().defaultTemplate,
  });
  const store = openInspectionStore({
    dataDir,
    log: silentLogger,
    templates,
    settings,
    now,
    newId: options.newId ?? sequentialIds(),
    ...(options.afterWrite && { afterWrite: options.afterWrite }),
    ...(options.evidenceExists && { evidenceExists: options.evidenceExists }),
    ...(options.beforeMigration && { beforeMigration: options.beforeMigration }),
    ...(options.ownFingerprint && { ownFingerprint: options.ownFingerprint }),
  });
  return { dataDir, settings, templates, store };
}

export const inspectionsDir = (dataDir: string) => path.join(dataDir, 'inspections');
export const inspectionPath = (dataDir: string, id: string) =>
  path.join(dataDir, 'inspections', `${id}.json`);

/** The file of one inspection as the store writes it. */
export function storedText(inspection: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ schemaVersion: 1, inspection, ...extra }, null, '\t');
}

/** Puts a file in <dataDir>/inspections/ behind the store's back. */
export function writeInspectionFile(dataDir: string, name: string, text: string): string {
  const file = path.join(inspectionsDir(dataDir), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** What the stored file says, parsed. */
export function readStored(
  dataDir: string,
  id: string,
): { schemaVersion: number; inspection: Inspection; trashedAt?: string } {
  return JSON.parse(fs.readFileSync(inspectionPath(dataDir, id), 'utf8')) as {
    schemaVersion: number;
    inspection: Inspection;
    trashedAt?: string;
  };
}

/** Every file under a folder (relative paths, sorted), with its bytes: "nothing was written". */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string, prefix: string) => {
    if (!fs.existsSync(at)) return;
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(at, entry.name), rel);
      else out[rel] = fs.readFileSync(path.join(at, entry.name)).toString('base64');
    }
  };
  walk(dir, '');
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** A clock the test moves: each call of `tick` advances it. */
export function movingClock(start: Date = NOW): { now: () => Date; tick: (ms: number) => void } {
  let at = start.getTime();
  return { now: () => new Date(at), tick: (ms) => (at += ms) };
}
