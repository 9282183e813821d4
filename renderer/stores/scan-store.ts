import type { StoreApi } from 'zustand';
import { create } from 'zustand';
import type { Bilingual, Locale } from '../../shared/i18n/locale';
import type { Inspection } from '../../shared/inspection/schema';
import type { PickedFolder, ScanRequest, ScanSummary, WordListCheck } from '../../shared/ipc/scan';
import type { FindingState, ScanReport } from '../../shared/scan/finding';
import type { ScanRunStatus } from '../../shared/scan/progress';
import type { Template } from '../../shared/template/schema';
import { api, unwrap } from '../api/client';
import { saveFile } from '../api/files';

/** A word list file as read, or why it could not be. */
export type WordList =
  | {
      readonly kind: 'read';
      readonly name: string;
      readonly text: string;
      /** The encoding it was read in. */
      readonly encoding: 'utf-8' | 'gb18030';
      readonly check: WordListCheck;
    }
  | { readonly kind: 'not-text'; readonly name: string }
  | { readonly kind: 'too-large'; readonly name: string }
  | { readonly kind: 'failed'; readonly name: string; readonly message: string };

/** A scan being run: its id and what it last said. */
export interface RunningScan {
  readonly runId: string;
  readonly status: ScanRunStatus;
  readonly cancelling: boolean;
}

/** What the user asked for, besides the folder and word list the store holds. */
export type StartInput =
  | { readonly kind: 'folder'; readonly ownHosts: readonly string[] }
  | {
      readonly kind: 'site';
      readonly start: string;
      readonly hosts: readonly string[];
      readonly ownHosts: readonly string[];
    };

/** What became of an export, as the page tells the user. */
export type ScanExportResult =
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'downloaded'; readonly fileName: string }
  | { readonly kind: 'cancelled' };

interface ScanState {
  readonly inspectionId: string | null;
  readonly inspection: Inspection | null;
  readonly template: Template | null;
  readonly loadError: string | null;
  /** The inspection's saved scans, newest first. */
  readonly scans: readonly ScanSummary[];
  readonly folder: PickedFolder | null;
  readonly words: WordList | null;
  readonly run: RunningScan | null;
  /** The scan shown, with its findings as marked. */
  readonly report: ScanReport | null;
  /** Why the last action failed, in the user's language; null when it did not. */
  readonly error: string | null;
  /** Why the last run failed, in both languages. */
  readonly runError: Bilingual | null;
  /** An action on the shown scan in flight (attach, export, remove): one at a time. */
  readonly busy: 'attach' | 'export' | 'remove' | 'mark' | null;

  open(inspectionId: string): Promise<void>;
  close(): void;
  pickFolder(): Promise<void>;
  readWords(file: File): Promise<void>;
  clearWords(): void;
  start(input: StartInput): Promise<void>;
  cancel(): Promise<void>;
  show(scanId: string): Promise<void>;
  hide(): void;
  mark(findingIds: readonly string[], state: FindingState): Promise<void>;
  attach(language: Locale): Promise<ScanSummary | null>;
  exportWorkbook(language: Locale): Promise<ScanExportResult>;
  remove(scanId: string): Promise<void>;
  dismissError(): void;
}

/** How often a running scan is asked how far it got. */
export const POLL_MS = 300;
/** The word list's largest size (SCAN_LIMITS.wordListBytes; the limits module carries zod). */
export const WORD_LIST_BYTES = 8 * 1024 * 1024;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bumped by every open and close: answers for an inspection no longer shown are dropped. */
let ticket = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
/** The run last started: leaving the page does not stop it, and coming back follows it again. */
let lastRun: { readonly inspectionId: string; readonly runId: string } | null = null;

function stopPolling(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Decodes a word list: UTF-8 (its BOM dropped), or GB18030 when it is not UTF-8, as files saved
 * by Chinese Windows tools often are. A file with NUL bytes is not a text file at all.
 */
export function decodeWordList(
  bytes: Uint8Array,
): { text: string; encoding: 'utf-8' | 'gb18030' } | null {
  if (bytes.includes(0)) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return {
        text: new TextDecoder('gb18030', { fatal: true }).decode(bytes),
        encoding: 'gb18030',
      };
    } catch {
      return null;
    }
  }
}

type SetState = StoreApi<ScanState>['setState'];
type GetState = StoreApi<ScanState>['getState'];

/** What the page shows of one inspection: opening another starts it afresh. */
const SHOWN = {
  inspectionId: null,
  inspection: null,
  template: null,
  loadError: null,
  scans: [],
  run: null,
  report: null,
  error: null,
  runError: null,
  busy: null,
} as const;

/** Closing the page also forgets the folder and word list chosen (opening keeps them). */
const INITIAL = { ...SHOWN, folder: null, words: null } as const;

const mine = () => ticket;
const still = (t: number) => t === ticket;

async function refreshList(set: SetState, get: GetState, t: number): Promise<void> {
  const id = get().inspectionId;
  if (id === null) return;
  const scans = await unwrap(api().scan.list({ inspectionId: id }));
  if (still(t)) set({ scans });
}

/** Asks how the run is going, again every POLL_MS while it runs; shows the scan it saved. */
async function poll(set: SetState, get: GetState, t: number, runId: string): Promise<void> {
  timer = null;
  try {
    const status = await unwrap(api().scan.status({ runId }));
    if (!still(t)) return;
    set((s) => ({ run: { runId, cancelling: s.run?.cancelling ?? false, status } }));
    if (status.state === 'running') {
      timer = setTimeout(() => void poll(set, get, t, runId), POLL_MS);
      return;
    }
    lastRun = null;
    await refreshList(set, get, t);
    if (status.state === 'failed') set({ runError: status.error });
    if (status.scanId !== null) await get().show(status.scanId);
  } catch (error) {
    lastRun = null;
    if (still(t)) set({ error: messageOf(error), run: null });
  }
}

type RunActions = Pick<
  ScanState,
  'open' | 'close' | 'pickFolder' | 'readWords' | 'clearWords' | 'start' | 'cancel'
>;
type ScanActions = Omit<ScanState, keyof RunActions | keyof typeof INITIAL>;

/** Opening and closing the page, choosing what to scan, running and cancelling a scan. */
function runActions(set: SetState, get: GetState): RunActions {
  return {
    async open(inspectionId) {
      stopPolling();
      const t = ++ticket;
      set({ ...SHOWN, inspectionId });
      try {
        const inspection = await unwrap(api().inspections.get({ id: inspectionId }));
        const { id, version } = inspection.template;
        const template = await unwrap(api().templates.get({ id, version }));
        const scans = await unwrap(api().scan.list({ inspectionId }));
        if (!still(t)) return;
        set({ inspection, template, scans });
        if (lastRun?.inspectionId === inspectionId) await poll(set, get, t, lastRun.runId);
      } catch (error) {
        if (still(t)) set({ loadError: messageOf(error) });
      }
    },

    close() {
      stopPolling();
      ticket++;
      set(INITIAL);
    },

    async pickFolder() {
      const t = mine();
      try {
        const folder = await unwrap(api().scan.pickFolder(undefined));
        if (still(t) && folder !== null) set({ folder, error: null });
      } catch (error) {
        if (still(t)) set({ error: messageOf(error) });
      }
    },

    async readWords(file) {
      const t = mine();
      const name = file.name || 'words.txt';
      if (file.size > WORD_LIST_BYTES) {
        set({ words: { kind: 'too-large', name } });
        return;
      }
      const decoded = decodeWordList(new Uint8Array(await file.arrayBuffer()));
      if (decoded === null) {
        if (still(t)) set({ words: { kind: 'not-text', name } });
        return;
      }
      try {
        const check = await unwrap(api().scan.checkWords({ text: decoded.text }));
        if (still(t)) set({ words: { kind: 'read', name, ...decoded, check } });
      } catch (error) {
        if (still(t)) set({ words: { kind: 'failed', name, message: messageOf(error) } });
      }
    },

    clearWords() {
      set({ words: null });
    },

    async start(input) {
      const { inspectionId, folder, words, run } = get();
      if (inspectionId === null || (run !== null && run.status.state === 'running')) return;
      const t = mine();
      let source: ScanRequest['source'];
      if (input.kind === 'folder') {
        if (folder === null) return;
        source = { kind: 'folder', token: folder.token };
      } else {
        source = { kind: 'site', start: input.start, hosts: [...input.hosts] };
      }
      const request: ScanRequest = {
        inspectionId,
        source,
        ownHosts: [...input.ownHosts],
        words: words?.kind === 'read' ? { name: words.name, text: words.text } : null,
      };
      set({ error: null, runError: null });
      try {
        const { runId } = await unwrap(api().scan.start(request));
        lastRun = { inspectionId, runId };
        if (!still(t)) return;
        set({
          report: null,
          run: {
            runId,
            cancelling: false,
            status: {
              state: 'running',
              progress: {
                phase: 'listing',
                scanned: 0,
                total: null,
                bytes: 0,
                findings: 0,
                current: '',
              },
              scanId: null,
              error: null,
            },
          },
        });
        stopPolling();
        timer = setTimeout(() => void poll(set, get, t, runId), POLL_MS);
      } catch (error) {
        if (still(t)) set({ error: messageOf(error) });
      }
    },

    async cancel() {
      const run = get().run;
      if (run === null || run.status.state !== 'running' || run.cancelling) return;
      set({ run: { ...run, cancelling: true } });
      try {
        await unwrap(api().scan.cancel({ runId: run.runId }));
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },
  };
}

/** The scan shown: its marks, attaching, exporting; removing a saved scan. */
function scanActions(set: SetState, get: GetState): ScanActions {
  return {
    async show(scanId) {
      const inspectionId = get().inspectionId;
      if (inspectionId === null) return;
      const t = mine();
      try {
        const report = await unwrap(api().scan.get({ inspectionId, scanId }));
        if (still(t)) set({ report });
      } catch (error) {
        if (still(t)) set({ error: messageOf(error) });
      }
    },

    hide() {
      set({ report: null });
    },

    async mark(findingIds, state) {
      const { inspectionId, report } = get();
      if (inspectionId === null || report === null || findingIds.length === 0) return;
      const t = mine();
      const ids = new Set(findingIds);
      // Shown at once; the stored copy follows, and a refusal puts the stored marks back.
      set({
        busy: 'mark',
        report: {
          ...report,
          findings: report.findings.map((f) => (ids.has(f.id) ? { ...f, state } : f)),
        },
      });
      try {
        const summary = await unwrap(
          api().scan.mark({ inspectionId, scanId: report.id, findingIds: [...ids], state }),
        );
        if (still(t))
          set((s) => ({ scans: s.scans.map((x) => (x.id === summary.id ? summary : x)) }));
      } catch (error) {
        if (still(t)) {
          set({ error: messageOf(error) });
          await get().show(report.id);
        }
      } finally {
        if (still(t)) set({ busy: null });
      }
    },

    async attach(language) {
      const { inspectionId, report, busy } = get();
      if (inspectionId === null || report === null || busy !== null) return null;
      const t = mine();
      set({ busy: 'attach', error: null });
      try {
        const summary = await unwrap(
          api().scan.attach({ inspectionId, scanId: report.id, language }),
        );
        if (still(t))
          set((s) => ({ scans: s.scans.map((x) => (x.id === summary.id ? summary : x)) }));
        return summary;
      } catch (error) {
        if (still(t)) set({ error: messageOf(error) });
        return null;
      } finally {
        if (still(t)) set({ busy: null });
      }
    },

    async exportWorkbook(language) {
      const { inspectionId, report, busy } = get();
      if (inspectionId === null || report === null || busy !== null) return { kind: 'cancelled' };
      const t = mine();
      set({ busy: 'export', error: null });
      try {
        const outcome = await unwrap(
          api().scan.exportWorkbook({ inspectionId, scanId: report.id, language }),
        );
        if (outcome.kind !== 'download') return outcome;
        saveFile(outcome.fileName, XLSX_MIME, outcome.dataBase64);
        return { kind: 'downloaded', fileName: outcome.fileName };
      } catch (error) {
        if (still(t)) set({ error: messageOf(error) });
        return { kind: 'cancelled' };
      } finally {
        if (still(t)) set({ busy: null });
      }
    },

    async remove(scanId) {
      const inspectionId = get().inspectionId;
      if (inspectionId === null || get().busy !== null) return;
      const t = mine();
      set({ busy: 'remove', error: null });
      try {
        await unwrap(api().scan.remove({ inspectionId, scanId }));
        if (!still(t)) return;
        set((s) => ({
          scans: s.scans.filter((x) => x.id !== scanId),
          report: s.report?.id === scanId ? null : s.report,
        }));
      } catch (error) {
        if (still(t)) set({ error: messageOf(error) });
      } finally {
        if (still(t)) set({ busy: null });
      }
    },

    dismissError() {
      set({ error: null });
    },
  };
}

/**
 * Content review (网站内容审查) of one inspection: its saved scans, the folder and word list
 * chosen for the next, the run under way (polled every POLL_MS until it ends or the page
 * closes), the scan shown with its marks, and attaching and exporting it.
 */
export const useScanStore = create<ScanState>()((set, get) => ({
  ...INITIAL,
  ...runActions(set, get),
  ...scanActions(set, get),
}));

/**
 * Whether the inspection's scans are read-only: it is signed (judged as the Node side judges it,
 * which refuses every change anyway). The page then offers no new scan, mark or removal, and
 * says why.
 */
export function useScansLocked(): boolean {
  return useScanStore(
    (s) =>
      s.inspection !== null &&
      (s.inspection.state === 'signed' || s.inspection.signoff !== undefined),
  );
}
