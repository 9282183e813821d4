import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePickButton } from '../../components/FilePickButton';
import { useLocale } from '../../i18n/use-locale';
import { useScanStore } from '../../stores/scan-store';

/** Problem lines listed before "and N more". */
const PROBLEMS_SHOWN = 10;

/**
 * The bureau's word list (a .txt, one term a line, optional category): read at once, and what it
 * holds shown before the scan starts: how many terms, which categories, which lines were not used.
 */
export function WordListField() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const words = useScanStore((s) => s.words);
  const readWords = useScanStore((s) => s.readWords);
  const clearWords = useScanStore((s) => s.clearWords);
  const id = useId();
  return (
    <div className="form-field word-list">
      <span className="form-label" id={`${id}-label`}>
        {t('contentReview.words.label')}
      </span>
      <div className="word-list-pick" role="group" aria-labelledby={`${id}-label`}>
        <FilePickButton
          label={t(words ? 'contentReview.words.change' : 'contentReview.words.choose')}
          accept=".txt,text/plain"
          testId="word-list-input"
          onFile={(file) => void readWords(file)}
        />
        {words ? (
          <button type="button" className="button" onClick={clearWords}>
            {t('contentReview.words.clear')}
          </button>
        ) : (
          <span className="muted">{t('contentReview.words.none')}</span>
        )}
      </div>
      <small className="hint">{t('contentReview.words.hint')}</small>
      <div id={`${id}-status`} className="word-list-status" aria-live="polite">
        {words?.kind === 'read' && (
          <>
            <p>
              {t('contentReview.words.read', {
                name: words.name,
                terms: words.check.terms,
                count: words.check.categories.length,
              })}
              {words.encoding === 'gb18030' && ` ${t('contentReview.words.gb18030')}`}
            </p>
            {words.check.categories.length > 0 && (
              <p className="word-categories">
                {t('contentReview.words.categories', {
                  list: words.check.categories.join(t('contentReview.listSeparator')),
                })}
              </p>
            )}
            {words.check.problems.length > 0 && (
              <div className="field-error" role="alert">
                <p>{t('contentReview.words.problems', { count: words.check.problems.length })}</p>
                <ul>
                  {words.check.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
                    <li key={p.line}>{pick(p.message)}</li>
                  ))}
                  {words.check.problems.length > PROBLEMS_SHOWN && (
                    <li>
                      {t('contentReview.words.moreProblems', {
                        count: words.check.problems.length - PROBLEMS_SHOWN,
                      })}
                    </li>
                  )}
                </ul>
              </div>
            )}
          </>
        )}
        {words !== null && words.kind !== 'read' && (
          <p className="field-error" role="alert">
            {words.kind === 'failed'
              ? t('contentReview.words.failed', { name: words.name, message: words.message })
              : t(`contentReview.words.${words.kind === 'not-text' ? 'notText' : 'tooLarge'}`, {
                  name: words.name,
                })}
          </p>
        )}
      </div>
    </div>
  );
}
