/** An item (or one register row of it) the next walk-through should put the focus on. */
export interface FocusTarget {
  readonly inspectionId: string;
  readonly itemId: string;
  readonly rowId?: string;
}

let pending: FocusTarget | null = null;

/**
 * Asks the walk-through about to open to focus an item rather than its section's heading: a link
 * from the review page to "where this is fixed" lands on the control to fix it with.
 */
export function requestFocus(target: FocusTarget): void {
  pending = target;
}

/**
 * The request for this inspection, if any. It stays until `focusRequestDone`: a walk-through
 * shown once with the copy it had and again with the one just read must still find it.
 */
export function focusRequestFor(inspectionId: string): FocusTarget | null {
  return pending?.inspectionId === inspectionId ? pending : null;
}

/** The request was acted on (or cannot be): a later visit starts at the heading again. */
export function focusRequestDone(): void {
  pending = null;
}
