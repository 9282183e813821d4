import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Change } from '../../../shared/inspection/changes';
import { checkAgainstTemplate, checkInspectionShape } from '../../../shared/inspection/check';
import type { InspectionProblem } from '../../../shared/inspection/check';
import type { LeftBehind } from '../../../shared/inspection/carry';
import {
  createInspection,
  duplicateWithReport,
  withAudit,
} from '../../../shared/inspection/create';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import type { ImportNotice } from '../../../shared/inspection/import-review';
import { reviewImport } from '../../../shared/inspection/import-review';
import { planSave } from '../../../shared/inspection/save';
import type { SaveTarget } from '../../../shared/inspection/save';
import type { Signer, SignRequest } from '../../../shared/inspection/signing';
import { planReopen, planSign } from '../../../shared/inspection/signing';
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
import { checkSignature } from '../signing/verify';
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

export interface DuplicateOutcome {
  readonly summary: InspectionSummary;
  /** What the new inspection's template had no place for (shared/inspection/carry.ts). */
  readonly leftBehind: LeftBehind[];
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
  /** Its pinned template (same id, version and hash), or null when that is not installed here. */
  templateOf(inspection: Inspection): Template | null;
  create(input: CreateInput): InspectionSummary;
  /** Into the template asked for, or the default one (this term's checklist), never silently the source's. */
  duplicate(input: DuplicateInput): DuplicateOutcome;
  /** Applies edits in order and saves; all or nothing. Returns the new updatedAt. */
  update(id: string, changes: readonly Change[]): { updatedAt: string };
  /** The principal's sign-off, signed with `signer`; refused while anything blocks it. */
  sign(id: string, request: SignRequest, signer: Signer): { updatedAt: string };
  /** Voids the sign-off (kept, with the reason) and makes the inspection a draft again. */
  reopen(id: string, reason: string): { updatedAt: string };
  trash(id: string): void;
  restore(id: string): void;
  /**
   * Deletes a trashed inspection's file for good, and its content reviews (`scans/<id>/`: masked,
   * but still about pupils); backups still hold both. The bureau's feedback (`reviews/<id>/`) is
   * kept: it is the bureau's letter about that inspection id, and the way to replace a signed
   * inspection here is to delete it for good and import the signed file, which keeps its id, so
   * the feedback shows beside it again.
   */
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
  /** This installation's key fingerprint, if any: an import says whether it signed the file. */
  readonly ownFingerprint?: () => string | undefined;
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

  const targetOf = (file: StoredFile): SaveTarget => ({
    inspection: file.inspection,
    trashed: file.trashedAt !== undefined,
    template: templateOf(file.inspection),
  });

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
    templateOf,
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
      const template = templateFor(options, input.template);
      const { inspection, leftBehind } = duplicateWithReport(
        { ...source, school: settings.get().profile ?? source.school },
        {
          ...input,
          id: newId(),
          template: pinOf(template),
          templateContent: template,
          sourceTemplate: templateOf(source),
          now: nowIso(),
        },
      );
      const { withAnswers } = input;
      log.info('inspections.duplicated', { withAnswers, leftBehind: leftBehind.length });
      return { summary: save({ inspection }, true), leftBehind };
    },
    update(id, changes) {
      const file = catalog.file(id);
      const planned = planSave(targetOf(file), changes, nowIso());
      // A change of state moves the inspection between the list's groups: its figures too.
      const refresh = changes.some((c) => c.kind === 'state');
      save({ ...file, inspection: planned.inspection }, refresh, planned.json);
      return { updatedAt: planned.inspection.updatedAt };
    },
    sign(id, request, signer) {
      const file = catalog.file(id);
      const planned = planSign(targetOf(file), request, nowIso(), signer);
      save({ ...file, inspection: planned.inspection }, true, planned.json);
      log.info('inspections.signed', { method: request.method });
      return { updatedAt: planned.inspection.updatedAt };
    },
    reopen(id, reason) {
      const file = catalog.file(id);
      const planned = planReopen(targetOf(file), reason, nowIso());
      save({ ...file, inspection: planned.inspection }, true, planned.json);
      log.info('inspections.reopened');
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
      if (catalog.file(id).trashedAt === undefined) throw notInTrash();
      removeScans(options.dataDir, id);
      files.remove(id);
      catalog.remove(id);
      log.info('inspections.purged');
    },
    exportJson: (id) => catalog.file(id).inspection,
    importJson: (input) =>
      importInspection(input, {
        templateOf,
        isHere: (id) => catalog.has(id) || files.isRefused(id),
        review: (incoming) =>
          reviewImport(
            incoming,
            options.evidenceExists ?? (() => true),
            (inspection) => checkSignature(inspection, options.ownFingerprint?.()),
            nowIso(),
          ),
        newId,
        now: nowIso,
        save: (inspection) => save({ inspection }, true),
        log,
      }),
    add: (inspections) => inspections.map((inspection) => save({ inspection }, true)),
  };
}

interface ImportSteps {
  readonly templateOf: (inspection: Inspection) => Template | null;
  /** An inspection with this id is here already (trashed, or from a newer app, included). */
  readonly isHere: (id: string) => boolean;
  readonly review: (incoming: Inspection) => ReturnType<typeof reviewImport>;
  readonly newId: () => string;
  readonly now: () => string;
  readonly save: (inspection: Inspection) => InspectionSummary;
  readonly log: Logger;
}

/** An inspection file coming in: judged whole, then stored once, never over one already here. */
function importInspection(input: unknown, steps: ImportSteps): ImportOutcome {
  const shape = checkInspectionShape(input);
  if (!shape.ok) return { status: 'invalid', problems: shape.problems };
  const incoming = shape.inspection;
  const template = steps.templateOf(incoming);
  if (!template) throw new AppError('import-template-missing');
  const problems = checkAgainstTemplate(template, incoming);
  if (problems.length > 0) return { status: 'invalid', problems };
  const reviewed = steps.review(incoming);
  // An inspection already here is never overwritten: the file comes in as a copy. A signed one
  // cannot: its id is part of what was signed, so a new id would break the signature.
  const renamed = steps.isHere(incoming.id);
  if (renamed && reviewed.inspection.signoff) {
    throw new AppError('inspection-refused', {
      'zh-CN':
        '本机已有同一编号的检查。已签字的检查不能作为副本导入（改变编号会使签名失效）；如需替换，请先将本机的那份移到回收站并彻底删除。',
      'en-US':
        'An inspection with the same id is already here. A signed inspection cannot come in as a copy (a new id would break its signature); to replace it, move the one here to the trash and delete it for good first.',
    });
  }
  const detail = [renamed ? incoming.id : null, reviewed.detail].filter((d) => d !== null);
  const inspection = withAudit(
    { ...reviewed.inspection, id: renamed ? steps.newId() : incoming.id },
    { at: steps.now(), event: 'imported', ...(detail.length > 0 && { detail: detail.join(' ') }) },
  );
  steps.log.info('inspections.imported', { renamed, notices: reviewed.notices.length });
  const summary = steps.save(inspection);
  return { status: 'imported', summary, renamed, notices: reviewed.notices };
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
  // The templates' own default: the latest built-in checklist.
  const fallback = templates.list().find((t) => t.isDefault) ?? templates.list()[0]!;
  return templates.get(fallback);
}

const notInTrash = () =>
  new AppError('inspection-refused', {
    'zh-CN': '只能彻底删除回收站中的检查。',
    'en-US': 'Only an inspection in the trash can be deleted for good.',
  });

/**
 * An inspection's content reviews (`scans/<id>/`), removed before the inspection itself: if they
 * cannot be, the inspection stays in the trash and the purge can be tried again.
 */
function removeScans(dataDir: string, id: string): void {
  fs.rmSync(dataPaths(dataDir).scansOf(id), { recursive: true, force: true, maxRetries: 3 });
}

/** What an inspection pins of its template: id, version and the hash of its content. */
const pinOf = (template: Template) => ({
  id: template.id,
  version: template.version,
  hash: templateHash(template),
});
