/** What the crash test's child process says on stdout, one JSON object a line. */

export type OpKind = 'update' | 'trash' | 'restore' | 'create' | 'duplicate' | 'purge';

/** An inspection's file as the child read it back after an operation. */
export interface FileState {
  /** SHA-256 of the file's bytes. */
  readonly sha: string;
  readonly updatedAt: string;
  readonly trashedAt: string | null;
}

export type ChildLine =
  | { readonly t: 'ready' }
  /** About to run operation k at instant `at` (every clock read during it says `at`). */
  | {
      readonly t: 'begin';
      readonly k: number;
      readonly op: OpKind;
      readonly at: string;
      readonly id?: string;
    }
  /** Operation k has completed: its result and what the file holds now (null: no file). */
  | {
      readonly t: 'done';
      readonly k: number;
      readonly ok: boolean;
      readonly code?: string;
      readonly updatedAt?: string;
      /** The inspection touched (the new one for create and duplicate). */
      readonly id?: string;
      readonly file: FileState | null;
      /** How many changes of each kind the operation sent. */
      readonly kinds: Readonly<Record<string, number>>;
    };

/** The child stops on its own after this many operations (a kill normally comes first). */
export const OPS_PER_RUN = 1000;
/** Creates and duplicates stop at this many inspections, so every run's start-up stays quick. */
export const MAX_INSPECTIONS = 10;
