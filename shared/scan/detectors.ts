/**
 * The content review's detectors (issue 13): what each looks for, which are about personal data
 * (their matches are masked wherever they are shown or saved), and which checklist items their
 * findings are evidence for. docs/formats.md ("Content review") documents each one, what it finds
 * and what it cannot.
 */
export const DETECTORS = [
  'id-number',
  'phone',
  'bank-card',
  'grade-list',
  'hidden-link',
  'external-link',
  'dead-link',
  'word',
  'no-filing',
] as const;
export type DetectorName = (typeof DETECTORS)[number];

/** Matches that are a person's data: never stored, shown or exported unmasked. */
export const PERSONAL_DETECTORS: ReadonlySet<DetectorName> = new Set([
  'id-number',
  'phone',
  'bank-card',
]);

/**
 * The checklist items (2026.1 and 2026.2 ids) a detector's findings are evidence for. A scan's
 * report is attached to every item here that has findings of that detector, and always to
 * `content_past_review` (the review itself); items the inspection's checklist lacks are skipped.
 */
export const DETECTOR_ITEMS: Readonly<Record<DetectorName, readonly string[]>> = {
  'id-number': ['content_privacy_leaks'],
  phone: ['content_privacy_leaks'],
  'bank-card': ['content_privacy_leaks'],
  'grade-list': ['content_grades_private', 'content_privacy_leaks'],
  'hidden-link': ['content_links', 'content_malicious_listing'],
  'external-link': ['content_links'],
  'dead-link': ['content_links'],
  word: ['content_past_review'],
  'no-filing': ['content_icp'],
};

/** The item every scan report is attached to, whatever it found. */
export const REVIEW_ITEM = 'content_past_review';

/** How a hidden link is hidden (the `hidden-link` finding's `trick`). */
export const HIDING_TRICKS = [
  'display-none',
  'visibility-hidden',
  'zero-size',
  'off-screen',
  'font-size-zero',
  'same-colour',
  'tiny-marquee',
  'zero-size-iframe',
  'script-written',
] as const;
export type HidingTrick = (typeof HIDING_TRICKS)[number];
