import type { TFunction } from 'i18next';
import type { Bilingual } from '../../../shared/i18n/locale';
import { LIMITS } from '../../../shared/inspection/patterns';
import { rangeText } from '../../lib/range';
import type { Feedback } from '../../stores/feedback-store';
import type { Refusal, ScreenedPaste } from './paste-screen';

/** How many refused cells the message names; the rest are counted. */
export const REFUSALS_NAMED = 3;
const QUOTED = 20;

const quote = (text: string) => (text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text);

function describe(refusal: Refusal, t: TFunction, pick: (text: Bilingual) => string): string {
  const text = quote(refusal.text);
  if (refusal.reason === 'beyond' || refusal.column === undefined) {
    return t('walk.register.refusedBeyond', { row: refusal.row, text });
  }
  const why =
    refusal.reason === 'too-long'
      ? t('walk.register.refusal.tooLong', { max: LIMITS.cellText })
      : refusal.reason === 'range'
        ? t('walk.register.refusal.range', {
            text,
            range: rangeText(t, refusal.min, refusal.max),
          })
        : t(`walk.register.refusal.${refusal.reason}`, { text });
  return t('walk.register.refusedCell', { row: refusal.row, column: pick(refusal.column), why });
}

/**
 * What a paste did, in one message: how many cells went in and how many rows were added and, when
 * cells were refused, which and why (the first few, then how many more), in the message itself
 * rather than only in the cells' tooltips.
 */
export function pasteMessage(
  paste: ScreenedPaste,
  t: TFunction,
  pick: (text: Bilingual) => string,
): Feedback {
  const { cellsSet: cells, rowsAdded: rows, refused } = paste;
  if (refused.length === 0)
    return { kind: 'success', text: t('walk.register.pasted', { cells, rows }) };
  const named = refused.slice(0, REFUSALS_NAMED).map((r) => describe(r, t, pick));
  if (refused.length > REFUSALS_NAMED) {
    named.push(t('walk.register.refusedMore', { count: refused.length - REFUSALS_NAMED }));
  }
  const list = named.join(t('walk.register.refusedSeparator'));
  return paste.changes.length === 0
    ? { kind: 'error', text: t('walk.register.pastedNothing', { refused: refused.length, list }) }
    : {
        kind: 'warning',
        text: t('walk.register.pastedPartly', { cells, rows, refused: refused.length, list }),
      };
}
