import type { ErrorCode } from '../../shared/errors';
import type { Change } from '../../shared/inspection/changes';
import { MAX_CHANGES_PER_UPDATE } from '../../shared/inspection/patterns';
import { ApiError } from '../api/client';

export type SaveStatus =
  | { readonly kind: 'saved'; readonly at: string | null }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  /** Not saved yet; kept, and tried again. `message` is already in the user's language. */
  | { readonly kind: 'failed'; readonly message: string; readonly retryInMs: number }
  /** The Node side refused the edit: the screen is reloaded from what was stored. */
  | { readonly kind: 'refused'; readonly message: string };

export interface AutosaveOptions {
  readonly send: (changes: readonly Change[]) => Promise<{ updatedAt: string }>;
  readonly onStatus: (status: SaveStatus) => void;
  /** Called when an edit was refused; the caller reloads the stored inspection. */
  readonly onRefused: () => void;
  /** Quiet time before sending, and the longest any edit waits. */
  readonly idleMs?: number;
  readonly maxWaitMs?: number;
  readonly maxBatch?: number;
}

const RETRY_MS = [1000, 3000, 10_000, 30_000];

/**
 * Failures that trying again cannot mend (the edit does not fit, the inspection is gone or
 * read-only). Anything else (a full disk, a busy or unreachable service) is retried.
 */
const FINAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'inspection-refused',
  // Signed meanwhile (in another window): nothing changes it until it is reopened.
  'inspection-signed',
  'invalid-input',
  'inspection-not-found',
  'template-not-found',
  'storage-newer-version',
  'forbidden-sender',
  'unknown-channel',
]);

/**
 * Sends edits to the Node side in order, one request at a time, batched: at most `maxWaitMs`
 * after an edit it is on its way. A failed send keeps its edits at the front of the queue and is
 * tried again, so nothing typed is dropped while the disk is full or the app is busy.
 */
export class Autosave {
  private queue: Change[] = [];
  private inFlight = false;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt: number | null = null;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly idleMs: number;
  private readonly maxWaitMs: number;
  private readonly maxBatch: number;
  private settledWaiters: (() => void)[] = [];

  constructor(private readonly options: AutosaveOptions) {
    this.idleMs = options.idleMs ?? 300;
    this.maxWaitMs = options.maxWaitMs ?? 800;
    this.maxBatch = options.maxBatch ?? MAX_CHANGES_PER_UPDATE;
  }

  get pending(): boolean {
    return this.queue.length > 0 || this.inFlight;
  }

  push(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    this.queue.push(...changes);
    this.options.onStatus({ kind: 'pending' });
    const now = Date.now();
    this.firstPendingAt ??= now;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const wait = Math.max(0, Math.min(this.idleMs, this.firstPendingAt + this.maxWaitMs - now));
    this.idleTimer = setTimeout(() => void this.flush(), wait);
  }

  /** Sends everything queued now (on leaving the page, or "retry now"). */
  async flush(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.idleTimer = null;
    this.retryTimer = null;
    if (this.inFlight || this.queue.length === 0) return;
    this.inFlight = true;
    this.firstPendingAt = null;
    const batch = this.queue.slice(0, this.maxBatch);
    this.options.onStatus({ kind: 'saving' });
    try {
      const { updatedAt } = await this.options.send(batch);
      this.queue.splice(0, batch.length);
      this.retries = 0;
      this.inFlight = false;
      if (this.queue.length > 0) void this.flush();
      else {
        this.options.onStatus({ kind: 'saved', at: updatedAt });
        this.settle();
      }
    } catch (error) {
      this.inFlight = false;
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiError && FINAL.has(error.code)) {
        // The stored inspection will never take this batch: drop it (and only it), show what
        // is stored, and go on with the edits made since.
        this.queue.splice(0, batch.length);
        this.retries = 0;
        this.options.onStatus({ kind: 'refused', message });
        this.options.onRefused();
        if (this.queue.length > 0) this.idleTimer = setTimeout(() => void this.flush(), 0);
        else this.settle();
        return;
      }
      const retryInMs = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)]!;
      this.retries++;
      this.options.onStatus({ kind: 'failed', message, retryInMs });
      this.retryTimer = setTimeout(() => void this.flush(), retryInMs);
    }
  }

  /** Edits not yet stored, oldest first (shown on top of a reloaded inspection). */
  queued(): readonly Change[] {
    return [...this.queue];
  }

  /** Resolves once nothing is queued or in flight (tests, and leaving an inspection). */
  whenSettled(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private settle(): void {
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
