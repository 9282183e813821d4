import type { TFunction } from 'i18next';

/**
 * A number's allowed range in words: "0 – 100", "at least 0", "at most 10"; null when it has no
 * bound. Never "0 – —".
 */
export function rangeText(t: TFunction, min: number | undefined, max: number | undefined) {
  if (min !== undefined && max !== undefined) return t('range.between', { min, max });
  if (min !== undefined) return t('range.atLeast', { min });
  if (max !== undefined) return t('range.atMost', { max });
  return null;
}
