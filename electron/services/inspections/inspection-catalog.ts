import { AppError } from '../../../shared/errors';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import type { Inspection } from '../../../shared/inspection/schema';
import { evaluateInspection, inspectionFigures } from '../../../shared/inspection/summary';
import type { Template } from '../../../shared/template/schema';
import type { Logger } from '../logger';
import type { InspectionIndex, SettingsService } from '../settings-service';
import type { FileStat, InspectionFiles, StoredFile } from './inspection-files';

interface Entry {
  /** The file's content, once read (a start-up from the index reads none). */
  file: StoredFile | null;
  summary: InspectionSummary;
  stat: FileStat;
  /** The summary's figures are older than the file (edited since): recompute before listing. */
  stale: boolean;
}

export interface InspectionCatalog {
  has(id: string): boolean;
  /** The file's content, read on first use; an AppError when the id is unknown or the file went bad. */
  file(id: string): StoredFile;
  /** Records a file just written. Figures are recomputed now, or marked stale for the next list. */
  put(file: StoredFile, options: { readonly refreshFigures: boolean }): InspectionSummary;
  remove(id: string): void;
  list(): InspectionSummary[];
}

interface Options {
  readonly files: InspectionFiles;
  readonly settings: SettingsService;
  readonly log: Logger;
  /** The inspection's pinned template, or null when it is not installed (no figures then). */
  readonly templateOf: (inspection: Inspection) => Template | null;
  /** The local day figures are computed for (overdue actions depend on it). */
  readonly today: () => string;
}

/**
 * What is in the folder and how each inspection stands (progress, rate, findings), without reading
 * every file at every start: the index kept with the settings is trusted for a file only while its
 * size, time and day match. Written only when the files did not match it, so merely reading (the
 * CLI) writes nothing.
 */
export function openInspectionCatalog(options: Options): InspectionCatalog {
  const { files, settings, log, templateOf, today } = options;
  const entries = new Map<string, Entry>();

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

  const saveIndex = (): void => {
    const index: InspectionIndex = {};
    for (const [id, entry] of entries) {
      index[id] = { ...entry.stat, figuresOn: today(), summary: entry.summary };
    }
    try {
      settings.writeIndex(index);
    } catch (error) {
      // The index is a cache: failing to write it costs a slower next start, never data.
      log.warn('inspections.index-not-saved', { error: String(error) });
    }
  };

  const cached = settings.index();
  let hits = 0;
  let misses = 0;
  for (const id of files.ids()) {
    const known = Object.hasOwn(cached, id) ? cached[id] : undefined;
    const stat = files.stat(id);
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
    const file = files.load(id);
    // Stat again: loading may have migrated (rewritten) the file.
    if (file)
      entries.set(id, { file, summary: summarize(file), stat: files.stat(id), stale: false });
  }
  if (misses > 0 || hits !== Object.keys(cached).length) saveIndex();

  return {
    has: (id) => entries.has(id),
    file(id) {
      const entry = entries.get(id);
      if (!entry) throw new AppError('inspection-not-found');
      if (!entry.file) {
        const file = files.load(id);
        if (!file) {
          entries.delete(id);
          saveIndex();
          throw new AppError(
            files.isRefused(id) ? 'storage-newer-version' : 'inspection-unreadable',
          );
        }
        entry.file = file;
      }
      return entry.file;
    },
    put(file, { refreshFigures }) {
      const id = file.inspection.id;
      const previous = entries.get(id);
      const entry: Entry = {
        file,
        summary:
          refreshFigures || !previous
            ? summarize(file)
            : { ...previous.summary, updatedAt: file.inspection.updatedAt },
        stat: files.stat(id),
        stale: !refreshFigures,
      };
      entries.set(id, entry);
      if (refreshFigures) saveIndex();
      return entry.summary;
    },
    remove(id) {
      entries.delete(id);
      saveIndex();
    },
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
  };
}
