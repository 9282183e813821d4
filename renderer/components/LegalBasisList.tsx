import { useTranslation } from 'react-i18next';
import type { LegalBasis } from '../../shared/template/schema';
import { useLocale } from '../i18n/use-locale';

interface Props {
  readonly basis: readonly LegalBasis[];
  readonly className: string;
  /** The list's name for screen readers, where the page does not name it otherwise. */
  readonly label?: string;
}

/** The laws and standards an item rests on; one not yet checked against its source says so. */
export function LegalBasisList({ basis, className, label }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  if (basis.length === 0) return null;
  return (
    <ul className={className} aria-label={label}>
      {basis.map((b, index) => (
        <li key={index}>
          {pick(b)}
          {!b.confirmed && <span className="tag tag-warning">{t('templates.unconfirmed')}</span>}
        </li>
      ))}
    </ul>
  );
}
