import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Change } from '../../../shared/inspection/changes';
import { applyChanges } from '../../../shared/inspection/changes';
import {
  checkAgainstTemplate,
  checkChange,
  checkInspectionShape,
} from '../../../shared/inspection/check';
import type { InspectionProblem } from '../../../shared/inspection/check';
import {
  createInspection,
  duplicateInspection,
  withAudit,
} from '../../../shared/inspection/create';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import type { Inspection, Period } from '../../../shared/inspection/schema';
import { MAX_IMPORT_BYTES } from '../../../shared/inspection/patterns';
import { INSPECTION_ID_PATTERN, inspectionSchema } from '../../../shared/inspection/schema';
import { evaluateInspection, inspectionFigures } from '../../../shared/inspection/summary';
import {
  INSPECTION_FILE_MIGRATIONS,
  INSPECTION_FILE_VERSION,
} from '../../../shared/migrations/inspection-file';
import { migrate } from '../../../shared/migrations/migrate';
import type { TemplateRef } from '../../../shared/settings';
import type { StorageNotice } from '../../../shared/storage-notice';
import type { Template } from '../../../shared/template/schema';
import { localIsoDate } from '../../../shared/local-date';
import { readJsonFile } from '../json-file';
import type { JsonStore, StoreFactory } from '../json-store';
import type { Logger } from '../logger';
import { quarantine } from '../quarantine';
import type { IndexEntry, InspectionIndex, SettingsService } from '../settings-service';
import type { TemplateStore } from '../templates/template-store';
import { templateHash } from '../templates/template-store';

/** One inspection on disk: <dataDir>/inspections/<id>.json, its own electron-store file. */
const storedFileSchema = z.strictObject({
  schemaVersion: z.literal(INSPECTION_FILE_VERSION),
  inspection: z.unknown(),
  trashedAt: z.iso.datetime().optional(),
});
type StoredFile = { schemaVersion: number; inspection: Inspection; trashedAt?: string };

export interface CreateInput {
  readonly template?: TemplateRef;
  readonly period: Period;
  readonly inspector: string;
}

export interface DuplicateInput extends CreateInput {
  readonly sourceId: string;
  readonly withAnswers: boolean;
}

export type ImportOutcome =
  | { readonly status: 'imported'; readonly summary: InspectionSummary; readonly renamed: boolean }
  | { readonly status: 'invalid'; readonly problems: InspectionProblem[] };

export interface InspectionStore {
  /** Every readable inspection, trashed ones included (they carry trashedAt), newest first. */
  list(): InspectionSummary[];
  get(id: string): Inspection;
  create(input: CreateInput): InspectionSummary;
  duplicate(input: DuplicateInput): InspectionSummary;
  /** Applies edits in order and saves; all or nothing. Returns the new updatedAt. */
  update(id: string, changes: readonly Change[]): { updatedAt: string };
  trash(id: string): void;
  restore(id: string): void;
  /** Deletes a trashed inspection's file for good (backups still hold it). */
  purge(id: string): void;
  exportJson(id: string): Inspection;
  importJson(input: unknown): ImportOutcome;
  /** Puts whole inspections in, as they are (sample data). */
  add(inspections: readonly Inspection[]): InspectionSummary[];
  readonly notices: readonly StorageNotice[];
}

interface Options {
  readonly dataDir: string;
  readonly storeFactory: StoreFactory;
  readonly log: Logger;
  readonly templates: TemplateStore;
  readonly settings: SettingsService;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Called once before the first older file is migrated, so a backup of it exists first. */
  readonly beforeMigration?: () => void;
  /** Called after every successful write (the daily backup hangs here). */
  readonly afterWrite?: () => void;
}

interface Entry {
  file: StoredFile | null;
  summary: InspectionSummary;
  stat: { mtimeMs: number; size: number };
  /** The summary's figures are older than the file (edited since): recompute before listing. */
  stale: boolean;
}

/**
 * Inspections, each in its own file so one damaged file cannot take the others with it. A file
 * that cannot be read is kept aside and reported; one from a newer app is listed nowhere and
 * never rewritten; an older one is backed up and migrated. The list comes from an index kept
 * with the settings, checked against each file's size and time.
 */
export function openInspectionStore(options: Options): InspectionStore {
  const { log, templates, settings } = options;
  const dir = path.join(options.dataDir, 'inspections');
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const notices: StorageNotice[] = [];
  const entries = new Map<string, Entry>();
  const stores = new Map<string, JsonStore<StoredFile>>();
  const refused = new Set<string>();
  let backedUp = false;

  fs.mkdirSync(dir, { recursive: true });
  const filePath = (id: string) => path.join(dir, `${id}.json`);
  const today = () => localIsoDate(now());

  const templateOf = (inspection: Inspection): Template | null => {
    try {
      const template = templates.get(inspection.template);
      return templateHash(template) === inspection.template.hash ? template : null;
    } catch {
      return null;
    }
  };

  const summarize = (file: StoredFile): InspectionSummary => {
    const { inspection } = file;
    const template = templateOf(inspection);
    return {
      id: inspection.id,
      school: { name: inspection.school.name, code: inspection.school.code },
      period: inspection.period,
      inspector: inspection.inspector,
      template: inspection.template,
      templateTitle: template?.title ?? null,
      state: inspection.state,
      createdAt: inspection.createdAt,
      updatedAt: inspection.updatedAt,
      ...(file.trashedAt !== undefined && { trashedAt: file.trashedAt }),
      figures: template
        ? inspectionFigures(evaluateInspection(template, inspection, today()), inspection, today())
        : null,
    };
  };

  /** Reads and judges one file; null when it was set aside or is from a newer app. */
  const load = (id: string): StoredFile | null => {
    const target = filePath(id);
    const name = path.basename(target);
    const setAside = (reason: string) => {
      const keptAs = quarantine(target, now());
      notices.push({
        kind: 'quarantined',
        file: `inspections/${name}`,
        keptAs: `inspections/${keptAs}`,
      });
      log.warn('inspections.quarantined', { reason, keptAs });
      return null;
    };
    const found = readJsonFile(target);
    if (found.kind === 'missing') return null;
    if (found.kind === 'unparseable') return setAside('unreadable');
    const outcome = migrate(found.value, INSPECTION_FILE_MIGRATIONS, INSPECTION_FILE_VERSION);
    if (outcome.kind === 'newer') {
      refused.add(id);
      notices.push({ kind: 'newer-version', file: `inspections/${name}` });
      log.warn('inspections.newer-version', { found: outcome.found });
      return null;
    }
    if (outcome.kind === 'unversioned') return setAside('unversioned');
    const file = storedFileSchema.safeParse(outcome.doc);
    const inspection = file.success ? checkInspectionShape(file.data.inspection) : null;
    if (!file.success || !inspection?.ok || inspection.inspection.id !== id)
      return setAside('invalid');
    const stored: StoredFile = {
      schemaVersion: INSPECTION_FILE_VERSION,
      inspection: inspection.inspection,
      ...(file.data.trashedAt !== undefined && { trashedAt: file.data.trashedAt }),
    };
    if (outcome.kind === 'migrated') {
      if (!backedUp) options.beforeMigration?.();
      backedUp = true;
      write(stored);
      log.info('inspections.migrated', { from: outcome.from });
    }
    return stored;
  };

  const statOf = (id: string) => {
    const stat = fs.statSync(filePath(id));
    return { mtimeMs: stat.mtimeMs, size: stat.size };
  };

  function write(file: StoredFile): void {
    const id = file.inspection.id;
    if (refused.has(id)) throw new AppError('storage-newer-version');
    try {
      let store = stores.get(id);
      if (!store) {
        store = options.storeFactory<StoredFile>({ cwd: dir, name: id, defaults: file });
        stores.set(id, store);
      }
      store.store = file;
    } catch (error) {
      log.error('inspections.write-failed', error);
      throw new AppError('storage-failed');
    }
  }

  // ---- start-up: the index where it still matches the file, the file where it does not ----
  const cached = settings.index();
  let hits = 0;
  let misses = 0;
  for (const name of fs.readdirSync(dir)) {
    const id = name.endsWith('.json') ? name.slice(0, -5) : '';
    if (!INSPECTION_ID_PATTERN.test(id)) continue;
    const known = Object.hasOwn(cached, id) ? cached[id] : undefined;
    const stat = statOf(id);
    // A line without figures (its template was missing) is read again: the template may be back.
    if (
      known &&
      known.mtimeMs === stat.mtimeMs &&
      known.size === stat.size &&
      known.figuresOn === today() &&
      known.summary.figures !== null
    ) {
      entries.set(id, { file: null, summary: known.summary, stat, stale: false });
      hits++;
      continue;
    }
    misses++;
    const file = load(id);
    if (file) entries.set(id, { file, summary: summarize(file), stat: statOf(id), stale: false });
  }
  // Written only when the files did not match it, so merely reading (the CLI) writes nothing.
  if (misses > 0 || hits !== Object.keys(cached).length) saveIndex();

  function saveIndex(): void {
    const index: InspectionIndex = {};
    for (const [id, entry] of entries) {
      const record: IndexEntry = { ...entry.stat, figuresOn: today(), summary: entry.summary };
      index[id] = record;
    }
    try {
      settings.writeIndex(index);
    } catch (error) {
      // The index is a cache: failing to write it costs a slower next start, never data.
      log.warn('inspections.index-not-saved', { error: String(error) });
    }
  }

  const entryOf = (id: string): Entry => {
    const entry = entries.get(id);
    if (!entry) throw new AppError('inspection-not-found');
    return entry;
  };

  const fileOf = (id: string): StoredFile => {
    const entry = entryOf(id);
    if (!entry.file) {
      const file = load(id);
      if (!file) {
        entries.delete(id);
        saveIndex();
        throw new AppError(refused.has(id) ? 'storage-newer-version' : 'inspection-unreadable');
      }
      entry.file = file;
    }
    return entry.file;
  };

  const save = (file: StoredFile, { refreshFigures }: { refreshFigures: boolean }) => {
    write(file);
    const id = file.inspection.id;
    const previous = entries.get(id);
    const entry: Entry = {
      file,
      summary:
        refreshFigures || !previous
          ? summarize(file)
          : { ...previous.summary, updatedAt: file.inspection.updatedAt },
      stat: statOf(id),
      stale: !refreshFigures,
    };
    entries.set(id, entry);
    if (refreshFigures) saveIndex();
    options.afterWrite?.();
    return entry.summary;
  };

  /** The template asked for; the default one when none was; never a silent substitute. */
  const templateFor = (ref: TemplateRef | undefined): Template => {
    if (ref) return templates.get(ref);
    const chosen = settings.get().defaultTemplate;
    if (chosen) {
      try {
        return templates.get(chosen);
      } catch {
        log.warn('inspections.default-template-missing');
      }
    }
    return templates.get(templates.list()[0]!);
  };
  const pin = (template: Template) => ({
    id: template.id,
    version: template.version,
    hash: templateHash(template),
  });
  const profile = () => {
    const found = settings.get().profile;
    if (!found) throw new AppError('profile-missing');
    return found;
  };
  const nowIso = () => now().toISOString();

  const live = (id: string): StoredFile => {
    const file = fileOf(id);
    if (file.trashedAt !== undefined) throw new AppError('inspection-not-found');
    return file;
  };

  return {
    notices,
    list() {
      let refreshed = false;
      for (const entry of entries.values()) {
        if (entry.stale && entry.file) {
          entry.summary = summarize(entry.file);
          entry.stale = false;
          refreshed = true;
        }
      }
      if (refreshed) saveIndex();
      return [...entries.values()]
        .map((e) => e.summary)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    get: (id) => live(id).inspection,
    create(input) {
      const template = templateFor(input.template);
      const inspection = createInspection({
        id: newId(),
        template: pin(template),
        school: profile(),
        period: input.period,
        inspector: input.inspector,
        now: nowIso(),
      });
      log.info('inspections.created', { template: template.id });
      return save({ schemaVersion: INSPECTION_FILE_VERSION, inspection }, { refreshFigures: true });
    },
    duplicate(input) {
      const source = fileOf(input.sourceId).inspection;
      const template = templateFor(input.template ?? source.template);
      const inspection = duplicateInspection(
        { ...source, school: settings.get().profile ?? source.school },
        {
          id: newId(),
          template: pin(template),
          templateContent: template,
          period: input.period,
          inspector: input.inspector,
          now: nowIso(),
          withAnswers: input.withAnswers,
        },
      );
      log.info('inspections.duplicated', { withAnswers: input.withAnswers });
      return save({ schemaVersion: INSPECTION_FILE_VERSION, inspection }, { refreshFigures: true });
    },
    update(id, changes) {
      const file = live(id);
      const template = templateOf(file.inspection);
      if (!template) throw new AppError('template-not-found');
      for (const change of changes) {
        const problem = checkChange(template, change);
        if (problem) throw new AppError('inspection-refused', problem);
      }
      const result = applyChanges(file.inspection, changes, nowIso());
      if (!result.ok) throw new AppError('inspection-refused', result.message);
      // The whole inspection is validated before it is written: limits hold for the sum of
      // edits, not only for each one.
      const checked = inspectionSchema.safeParse(result.inspection);
      // What is saved must stay importable: it fits its template and a file's size.
      const misfit = checked.success ? checkAgainstTemplate(template, checked.data)[0] : undefined;
      if (misfit) throw new AppError('inspection-refused', misfit.message);
      if (checked.success && JSON.stringify(checked.data).length > MAX_IMPORT_BYTES) {
        throw new AppError('inspection-refused', {
          'zh-CN': '这份检查已达到 20 MB 的上限，这次修改未保存。',
          'en-US': 'This inspection has reached the 20 MB limit; the change was not saved.',
        });
      }
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const where = issue ? issue.path.join('.') : '';
        throw new AppError('inspection-refused', {
          'zh-CN': `修改后的数据超出允许范围（${where}）。`,
          'en-US': `The change would put the data out of bounds (${where}).`,
        });
      }
      save({ ...file, inspection: checked.data }, { refreshFigures: false });
      return { updatedAt: checked.data.updatedAt };
    },
    trash(id) {
      const file = live(id);
      const at = nowIso();
      const inspection = withAudit(file.inspection, { at, event: 'trashed' });
      save({ ...file, inspection, trashedAt: at }, { refreshFigures: true });
      log.info('inspections.trashed');
    },
    restore(id) {
      const file = fileOf(id);
      if (file.trashedAt === undefined) return;
      const at = nowIso();
      const inspection = withAudit(file.inspection, { at, event: 'restored' });
      save({ schemaVersion: file.schemaVersion, inspection }, { refreshFigures: true });
      log.info('inspections.restored');
    },
    purge(id) {
      const file = fileOf(id);
      if (file.trashedAt === undefined)
        throw new AppError('inspection-refused', {
          'zh-CN': '只能彻底删除回收站中的检查。',
          'en-US': 'Only an inspection in the trash can be deleted for good.',
        });
      fs.rmSync(filePath(id), { force: true });
      entries.delete(id);
      stores.delete(id);
      saveIndex();
      log.info('inspections.purged');
    },
    exportJson: (id) => fileOf(id).inspection,
    importJson(input) {
      const shape = checkInspectionShape(input);
      if (!shape.ok) return { status: 'invalid', problems: shape.problems };
      const incoming = shape.inspection;
      const template = templateOf(incoming);
      if (!template) throw new AppError('import-template-missing');
      const problems = checkAgainstTemplate(template, incoming);
      if (problems.length > 0) return { status: 'invalid', problems };
      // An inspection already here is never overwritten: the file comes in as a copy.
      const renamed = entries.has(incoming.id) || refused.has(incoming.id);
      const at = nowIso();
      const inspection = withAudit(
        { ...incoming, id: renamed ? newId() : incoming.id },
        { at, event: 'imported', ...(renamed && { detail: incoming.id }) },
      );
      log.info('inspections.imported', { renamed });
      return {
        status: 'imported',
        summary: save(
          { schemaVersion: INSPECTION_FILE_VERSION, inspection },
          { refreshFigures: true },
        ),
        renamed,
      };
    },
    add(inspections) {
      return inspections.map((inspection) =>
        save({ schemaVersion: INSPECTION_FILE_VERSION, inspection }, { refreshFigures: true }),
      );
    },
  };
}
