import { useTranslation } from 'react-i18next';

interface Props {
  readonly current: number;
  readonly pages: number;
  readonly onPage: (page: number) => void;
}

/** The first, previous, next and last page of a long trail. */
export function AuditPager({ current, pages, onPage }: Props) {
  const { t } = useTranslation();
  const go = (page: number, label: string, disabled: boolean) => (
    <button
      type="button"
      className="button button-quiet"
      disabled={disabled}
      onClick={() => onPage(page)}
    >
      {label}
    </button>
  );
  return (
    <nav className="audit-pager" aria-label={t('audit.pages')}>
      {go(0, t('audit.first'), current === 0)}
      {go(current - 1, t('audit.previous'), current === 0)}
      <span>{t('audit.page', { page: current + 1, pages })}</span>
      {go(current + 1, t('audit.next'), current >= pages - 1)}
      {go(pages - 1, t('audit.last'), current >= pages - 1)}
    </nav>
  );
}
