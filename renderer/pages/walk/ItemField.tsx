import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CHECK_ANSWERS } from '../../../shared/template/answers';
import { STATUS_LABELS, YES_NO_LABELS } from '../../../shared/template/labels';
import type { Item } from '../../../shared/template/schema';
import { useLocale } from '../../i18n/use-locale';
import { rangeText } from '../../lib/range';
import { useLocked } from '../../stores/walk-store';

interface Props {
  /** Dates have their own field (DateField, in ItemCard). */
  readonly item: Exclude<Item, { kind: 'register' | 'date' }>;
  readonly field: UseFormRegisterReturn<'value'>;
  readonly invalid: boolean;
  readonly describedBy: string | undefined;
}

/** One control per item kind; all registered with the item's react-hook-form. */
export function ItemField({ item, field, invalid, describedBy }: Props) {
  const { t } = useTranslation();
  // A signed inspection: every answer shows, none can be changed.
  const disabled = useLocked();
  const { pick } = useLocale();
  const aria = { 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  const name = pick(item.prompt);
  switch (item.kind) {
    case 'check':
    case 'yesno': {
      const options =
        item.kind === 'check'
          ? CHECK_ANSWERS.map((value) => ({ value, label: pick(STATUS_LABELS[value]) }))
          : (['yes', 'no'] as const).map((value) => ({ value, label: pick(YES_NO_LABELS[value]) }));
      return (
        <div role="radiogroup" aria-label={name} className={`choice-row ${item.kind}`} {...aria}>
          {options.map((o) => (
            <label key={o.value} className={`choice choice-${o.value}`}>
              <input type="radio" value={o.value} {...field} disabled={disabled} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      );
    }
    case 'choice':
      return item.choices.length <= 6 ? (
        <div role="radiogroup" aria-label={name} className="choice-row" {...aria}>
          {item.choices.map((c) => (
            <label key={c.value} className="choice">
              <input type="radio" value={c.value} {...field} disabled={disabled} />
              <span>{pick(c.label)}</span>
            </label>
          ))}
        </div>
      ) : (
        <select aria-label={name} {...field} {...aria} disabled={disabled}>
          <option value="">{t('walk.choose')}</option>
          {item.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {pick(c.label)}
            </option>
          ))}
        </select>
      );
    case 'multi':
      return (
        <fieldset className="choice-grid" {...aria}>
          <legend className="visually-hidden">{name}</legend>
          {item.choices.map((c) => (
            <label key={c.value} className="choice">
              <input type="checkbox" value={c.value} {...field} disabled={disabled} />
              <span>{pick(c.label)}</span>
            </label>
          ))}
        </fieldset>
      );
    case 'number': {
      const range = rangeText(t, item.min, item.max);
      return (
        <span className="number-field">
          <input
            type="text"
            inputMode="decimal"
            aria-label={name}
            className="field-number"
            {...field}
            {...aria}
            readOnly={disabled}
          />
          {item.unit && <span className="unit">{pick(item.unit)}</span>}
          {range !== null && <span className="hint">{t('walk.range', { range })}</span>}
        </span>
      );
    }
    case 'text':
      return item.multiline ? (
        <textarea
          aria-label={name}
          rows={3}
          className="field-text"
          {...field}
          {...aria}
          readOnly={disabled}
        />
      ) : (
        <input
          type="text"
          aria-label={name}
          className="field-text"
          {...field}
          {...aria}
          readOnly={disabled}
        />
      );
  }
}
