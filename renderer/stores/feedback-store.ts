import { create } from 'zustand';
import { ApiError } from '../api/client';

export interface Feedback {
  /** `warning`: done, but not all of it (a paste with cells that did not fit). */
  readonly kind: 'error' | 'warning' | 'success';
  readonly text: string;
  /** One thing to do about it, offered as a button beside the text (在文件夹中显示). */
  readonly action?: { readonly label: string; readonly run: () => void };
}

/** One status line for the whole window: the last thing that went wrong (or right). */
interface FeedbackState {
  readonly current: Feedback | null;
  show(feedback: Feedback): void;
  /** Shows a failed call's message, which the Node side already wrote in the user's language. */
  showError(error: unknown, fallback: string): void;
  clear(): void;
}

export const useFeedbackStore = create<FeedbackState>()((set) => ({
  current: null,
  show: (current) => set({ current }),
  showError: (error, fallback) =>
    set({ current: { kind: 'error', text: error instanceof ApiError ? error.message : fallback } }),
  clear: () => set({ current: null }),
}));
