import { create } from 'zustand';
import type { ReviewDecision } from '../../shared/bureau/feedback';
import type {
  BureauReview,
  BureauReviewSummary,
  ReviewVersion,
} from '../../shared/bureau/review-rules';
import { MAX_FEEDBACK_BYTES } from '../../shared/bureau/review-rules';
import type { InspectionProblem } from '../../shared/inspection/check';
import type { Period } from '../../shared/inspection/schema';
import { api, unwrap } from '../api/client';
import { fileToBase64 } from '../api/files';

/** What came of importing a feedback file, until dismissed or the next import. */
export type ReviewImport =
  | {
      readonly kind: 'imported';
      readonly fileName: string;
      readonly inspectionId: string;
      readonly schoolName: string;
      readonly period: Period;
      readonly decision: ReviewDecision;
      readonly version: ReviewVersion;
      readonly duplicate: boolean;
    }
  | {
      readonly kind: 'refused';
      readonly fileName: string;
      readonly problems: readonly InspectionProblem[];
    }
  | { readonly kind: 'too-large'; readonly fileName: string };

interface BureauReviewsState {
  /** Each inspection's feedback as last read, newest first, archived included. */
  readonly reviews: Readonly<Record<string, readonly BureauReview[]>>;
  /** For the list's rows: the newest feedback still shown, per inspection. */
  readonly latest: readonly BureauReviewSummary[];
  readonly lastImport: ReviewImport | null;
  /** An item the user asked to go to: its comment brings itself into view, then clears this. */
  readonly focusItem: string | null;
  load(inspectionId: string): Promise<void>;
  loadLatest(): Promise<void>;
  importFile(file: File): Promise<void>;
  dismiss(inspectionId: string, sha256: string): Promise<void>;
  dismissImport(): void;
  focus(itemId: string | null): void;
}

/** The bureau's feedback on this school's inspections (not the window's status line). */
export const useBureauReviewsStore = create<BureauReviewsState>()((set, get) => ({
  reviews: {},
  latest: [],
  lastImport: null,
  focusItem: null,
  async load(inspectionId) {
    const list = await unwrap(api().bureauReviews.list({ id: inspectionId }));
    set((s) => ({ reviews: { ...s.reviews, [inspectionId]: list } }));
  },
  async loadLatest() {
    set({ latest: await unwrap(api().bureauReviews.latest()) });
  },
  async importFile(file) {
    if (file.size > MAX_FEEDBACK_BYTES) {
      set({ lastImport: { kind: 'too-large', fileName: file.name } });
      return;
    }
    const dataBase64 = await fileToBase64(file);
    const result = await unwrap(api().bureauReviews.import({ fileName: file.name, dataBase64 }));
    if (result.status === 'refused') {
      set({ lastImport: { kind: 'refused', fileName: file.name, problems: result.problems } });
      return;
    }
    const { status, ...imported } = result;
    void status;
    set({ lastImport: { kind: 'imported', fileName: file.name, ...imported } });
    await Promise.all([get().loadLatest(), get().load(imported.inspectionId)]);
  },
  async dismiss(inspectionId, sha256) {
    await unwrap(api().bureauReviews.dismiss({ id: inspectionId, sha256 }));
    await Promise.all([get().load(inspectionId), get().loadLatest()]);
  },
  dismissImport: () => set({ lastImport: null }),
  focus: (itemId) => set({ focusItem: itemId }),
}));

const NONE: readonly BureauReview[] = [];

/** One inspection's feedback still shown (not archived), newest first. */
export function useShownReviews(inspectionId: string): readonly BureauReview[] {
  const all = useBureauReviewsStore((s) => s.reviews[inspectionId] ?? NONE);
  return shownOf(all);
}

const shownCache = new WeakMap<readonly BureauReview[], readonly BureauReview[]>();

function shownOf(all: readonly BureauReview[]): readonly BureauReview[] {
  let shown = shownCache.get(all);
  if (!shown) {
    shown = all.filter((r) => r.dismissedAt === null);
    shownCache.set(all, shown);
  }
  return shown;
}
