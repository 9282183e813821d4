import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { Bilingual } from '../../../shared/i18n/locale';
import { YES_NO_LABELS } from '../../../shared/template/labels';
import type { RegisterItem } from '../../../shared/template/schema';
import type { CellOption } from './RegisterCell';

/**
 * The options of each choice and yes/no column, "choose…" first, once per language: every select
 * on the page shares them. Other columns have none.
 */
export function useCellOptions(
  item: RegisterItem,
  t: TFunction,
  pick: (text: Bilingual) => string,
): readonly (readonly CellOption[] | undefined)[] {
  return useMemo(
    () =>
      item.columns.map((column): readonly CellOption[] | undefined => {
        const choose = { value: '', label: t('walk.choose') };
        if (column.kind === 'yesno') {
          return [
            choose,
            ...(['yes', 'no'] as const).map((v) => ({ value: v, label: pick(YES_NO_LABELS[v]) })),
          ];
        }
        if (column.kind === 'choice') {
          return [
            choose,
            ...(column.choices ?? []).map((c) => ({ value: c.value, label: pick(c.label) })),
          ];
        }
        return undefined;
      }),
    [item, t, pick],
  );
}
