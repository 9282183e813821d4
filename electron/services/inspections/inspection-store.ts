import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Change } from '../../../shared/inspection/changes';
import { checkAgainstTemplate, checkInspectionShape } from '../../../shared/inspection/check';
import type { InspectionProblem } from '../../../shared/inspection/check';
import {
  createInspection,
  duplicateInspection,
  withAudit,
} from '../../../shared/inspection/create';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import type { ImportNotice } from '../../../shared/inspection/import-review';
import { reviewImport } from '../../../shared/inspection/import-review';
import { planSave } from '../../../shared/inspection/save';
import type { Inspection, Period } from '../../../shared/inspection/schema';
import { localIsoDate } from '../../../shared/local-date';
import type { TemplateRef } from '../../../shared/settings';
import type { StorageNotice } from '../../../shared/storage-notice';
import type { Template } from '../../../shared/template/schema';
import { dataPaths } from '../data-layout';
import type { Logger } from '../logger';
import type { SettingsService } from '../settings-service';
import type { TemplateStore } from '../templates/template-store';
import { templateHash } from '../templates/template-store';
import { openInspectionCatalog } from './inspection-catalog';
import type { StoredFile } from './inspection-files';
import { openInspectionFiles } from './inspection-files';

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
  | {
      readonly status: 'imported';
      readonly summary: InspectionSummary;
      readonly renamed: boolean;
      /** What the user must be told: evidence not on this computer, a signature that did not hold. */
      readonly notices: ImportNotice[];
    }
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
  readonly log: Logger;
  readonly templates: TemplateStore;
  readonly settings: SettingsService;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Called once before the first older file is migrated, so a backup of it exists first. */
  readonly beforeMigration?: () => void;
  /** Called after every successful write (the daily backup hangs here). */
  readonly afterWrite?: () => void;
  /** Whether an evidence file is in the data folder (imports report the ones that are not). */
  readonly evidenceExists?: (sha256: string) => boolean;
}

/**
 * Inspections as the handlers see them: each operation is the domain's pure step (create,
 * duplicate, the save pipeline, an audit entry) followed by one write of one file. Files and
 * their judging live in inspection-files.ts; what is in the folder, in inspection-catalog.ts.
 */
export function openInspectionStore(options: Options): InspectionStore {
  const { log, templates, settings } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const nowIso = () => now().toISOString();

  const templateOf = (inspection: Inspection): Template | null => {
    try {
      const template = templates.get(inspection.template);
      return templateHash(template) === inspection.template.hash ? template : null;
    } catch {
      return null;
    }
  };
  const files = openInspectionFiles({
    paths: dataPaths(options.dataDir),
    log,
    now,
    ...(options.beforeMigration && { beforeMigration: options.beforeMigration }),
  });
  const catalog = openInspectionCatalog({
    files,
    settings,
    log,
    templateOf,
    today: () => localIsoDate(now()),
  });

  const save = (file: StoredFile, refreshFigures: boolean, json?: string) => {
    files.write(file, json);
    const summary = catalog.put(file, { refreshFigures });
    options.afterWrite?.();
    return summary;
  };

  const profile = () => {
    const found = settings.get().profile;
    if (!found) throw new AppError('profile-missing');
    return found;
  };
  const live = (id: string): StoredFile => {
    const file = catalog.file(id);
    if (file.trashedAt !== undefined) throw new AppError('inspection-not-found');
    return file;
  };

  return {
    notices: files.notices,
    list: () => catalog.list(),
    get: (id) => live(id).inspection,
    create(input) {
      const template = templateFor(options, input.template);
      const inspection = createInspection({
        id: newId(),
        template: pinOf(template),
        school: profile(),
        period: input.period,
        inspector: input.inspector,
        now: nowIso(),
      });
      log.info('inspections.created', { template: template.id });
      return save({ inspection }, true);
    },
    duplicate(input) {
      const source = catalog.file(input.sourceId).inspection;
      const template = templateFor(options, input.template ?? source.template);
      const inspection = duplicateInspection(
        { ...source, school: settings.get().profile ?? source.school },
        {
          id: newId(),
          template: pinOf(template),
          templateContent: template,
          period: input.period,
          inspector: input.inspector,
          now: nowIso(),
          withAnswers: input.withAnswers,
        },
      );
      log.info('inspections.duplicated', { withAnswers: input.withAnswers });
      return save({ inspection }, true);
    },
    update(id, changes) {
      const file = catalog.file(id);
      const planned = planSave(
        {
          inspection: file.inspection,
          trashed: file.trashedAt !== undefined,
          template: templateOf(file.inspection),
        },
        changes,
        nowIso(),
      );
      save({ ...file, inspection: planned.inspection }, false, planned.json);
      return { updatedAt: planned.inspection.updatedAt };
    },
    trash(id) {
      const file = live(id);
      const at = nowIso();
      save(
        { inspection: withAudit(file.inspection, { at, event: 'trashed' }), trashedAt: at },
        true,
      );
      log.info('inspections.trashed');
    },
    restore(id) {
      const file = catalog.file(id);
      if (file.trashedAt === undefined) return;
      // Written without trashedAt: the file holds exactly what is given, so it stays restored.
      save({ inspection: withAudit(file.inspection, { at: nowIso(), event: 'restored' }) }, true);
      log.info('inspections.restored');
    },
    purge(id) {
      const file = catalog.file(id);
      if (file.trashedAt === undefined)
        throw new AppError('inspection-refused', {
          'zh-CN': '只能彻底删除回收站中的检查。',
          'en-US': 'Only an inspection in the trash can be deleted for good.',
        });
      files.remove(id);
      catalog.remove(id);
      log.info('inspections.purged');
    },
    exportJson: (id) => catalog.file(id).inspection,
    importJson(input) {
      const shape = checkInspectionShape(input);
      if (!shape.ok) return { status: 'invalid', problems: shape.problems };
      const incoming = shape.inspection;
      const template = templateOf(incoming);
      if (!template) throw new AppError('import-template-missing');
      const problems = checkAgainstTemplate(template, incoming);
      if (problems.length > 0) return { status: 'invalid', problems };
      // An inspection already here is never overwritten: the file comes in as a copy.
      const renamed = catalog.has(incoming.id) || files.isRefused(incoming.id);
      const reviewed = reviewImport(incoming, options.evidenceExists ?? (() => true));
      const detail = [renamed ? incoming.id : null, reviewed.detail].filter((d) => d !== null);
      const inspection = withAudit(
        { ...reviewed.inspection, id: renamed ? newId() : incoming.id },
        { at: nowIso(), event: 'imported', ...(detail.length > 0 && { detail: detail.join(' ') }) },
      );
      log.info('inspections.imported', { renamed, notices: reviewed.notices.length });
      const summary = save({ inspection }, true);
      return { status: 'imported', summary, renamed, notices: reviewed.notices };
    },
    add: (inspections) => inspections.map((inspection) => save({ inspection }, true)),
  };
}

/** The template asked for; the default one when none was; never a silent substitute. */
function templateFor(
  { templates, settings, log }: Pick<Options, 'templates' | 'settings' | 'log'>,
  ref: TemplateRef | undefined,
): Template {
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
}

/** What an inspection pins of its template: id, version and the hash of its content. */
const pinOf = (template: Template) => ({
  id: template.id,
  version: template.version,
  hash: templateHash(template),
});
