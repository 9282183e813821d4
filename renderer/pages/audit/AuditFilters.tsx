import { useTranslation } from 'react-i18next';
import type { AuditKind } from '../../../shared/inspection/audit-text';
import { AUDIT_KINDS } from '../../../shared/inspection/audit-text';
import { isIsoDate } from '../../../shared/template/dates';
import type { Template } from '../../../shared/template/schema';
import { DateField } from '../../components/DateField';
import { useLocale } from '../../i18n/use-locale';
import type { AuditForm, Order } from './use-audit-view';
import { EMPTY_FORM } from './use-audit-view';

interface Props {
  readonly template: Template;
  readonly form: AuditForm;
  readonly onForm: (form: AuditForm) => void;
  readonly order: Order;
  readonly onOrder: (order: Order) => void;
  /** How many entries of each kind the trail has. */
  readonly counts: Readonly<Record<AuditKind, number>>;
}

/** Which entries the trail shows, and in which order. */
export function AuditFilters({ template, form, onForm, order, onOrder, counts }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const set = (part: Partial<AuditForm>) => onForm({ ...form, ...part });
  const filtered =
    form.kind !== null ||
    form.sectionId !== null ||
    form.text !== '' ||
    form.fromDay !== '' ||
    form.toDay !== '';

  return (
    <div role="search" className="audit-filters" aria-label={t('audit.filters')}>
      <label className="audit-filter">
        <span>{t('audit.kind')}</span>
        <select
          value={form.kind ?? ''}
          onChange={(e) =>
            set({ kind: e.target.value === '' ? null : (e.target.value as AuditKind) })
          }
        >
          <option value="">{t('audit.allKinds')}</option>
          {AUDIT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t('audit.kindOption', { label: t(`audit.kinds.${kind}`), count: counts[kind] })}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span>{t('audit.section')}</span>
        <select
          value={form.sectionId ?? ''}
          onChange={(e) => set({ sectionId: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">{t('audit.allSections')}</option>
          {template.sections.map((section, i) => (
            <option key={section.id} value={section.id}>
              {i + 1}. {pick(section.title)}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter audit-search">
        <span>{t('audit.search')}</span>
        <input
          type="search"
          value={form.text}
          placeholder={t('audit.searchPlaceholder')}
          onChange={(e) => set({ text: e.target.value })}
        />
      </label>
      <DayFilter
        label={t('audit.from')}
        value={form.fromDay}
        onChange={(fromDay) => set({ fromDay })}
      />
      <DayFilter label={t('audit.to')} value={form.toDay} onChange={(toDay) => set({ toDay })} />
      <fieldset className="segmented audit-order">
        <legend className="visually-hidden">{t('audit.order')}</legend>
        {(['newest', 'oldest'] as const).map((value) => (
          <label key={value} className="segmented-option">
            <input
              type="radio"
              name="audit-order"
              value={value}
              checked={order === value}
              onChange={() => onOrder(value)}
            />
            <span>{t(`audit.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      {filtered && (
        <button type="button" className="button button-quiet" onClick={() => onForm(EMPTY_FORM)}>
          {t('audit.clear')}
        </button>
      )}
    </div>
  );
}

/** One end of the date range; a text that is not a date says so, and filters nothing. */
function DayFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const wrong = value !== '' && !isIsoDate(value);
  return (
    <div className="audit-filter audit-day">
      <span>{label}</span>
      <DateField
        value={value}
        onChange={onChange}
        label={label}
        aria-invalid={wrong || undefined}
      />
      {wrong && (
        <span className="audit-day-problem" role="alert">
          {t('audit.notADate')}
        </span>
      )}
    </div>
  );
}
