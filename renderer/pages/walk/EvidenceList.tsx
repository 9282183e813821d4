import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/i18n/locale';
import { canPreview, formatBytes } from '../../../shared/inspection/evidence';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import { useReportError } from '../../lib/use-report-error';
import { useLocale } from '../../i18n/use-locale';
import { useOpenedWorkbook } from '../../lib/opened-workbook';
import { useEvidenceStore } from '../../stores/evidence-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useLocked } from '../../stores/walk-store';

interface Props {
  /** What the files are evidence for, for screen readers. */
  readonly label: string;
  readonly refs: readonly EvidenceRef[];
  readonly required: boolean;
  readonly missing: boolean;
  readonly onAdd: (refs: EvidenceRef[]) => void;
  readonly onRemove: (sha256: string) => void;
  readonly compact?: boolean;
  /** Files can be looked at and saved, not added or removed (a signed inspection). */
  readonly readOnly?: boolean;
}

function Preview({ evidence }: { evidence: EvidenceRef }) {
  const url = useEvidenceStore((s) => s.previews.get(evidence.sha256));
  const loadPreview = useEvidenceStore((s) => s.loadPreview);
  useEffect(() => {
    void loadPreview(evidence);
  }, [loadPreview, evidence]);
  return url ? (
    <img src={url} alt="" className="evidence-thumb" />
  ) : (
    <span className="evidence-thumb placeholder" />
  );
}

/** The words and error reporting the list needs: from hooks here, from the table in a register. */
export interface EvidenceTools {
  readonly t: TFunction;
  readonly pick: (text: Bilingual) => string;
  readonly report: (action: Promise<unknown>) => void;
  /** The list is an opened workbook's: its files are named there, not carried. */
  readonly inWorkbook: boolean;
}

/** The files attached to an item or a register row: add, preview, save a copy, remove. */
export function EvidenceList(props: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const report = useReportError();
  const locked = useLocked();
  const inWorkbook = useOpenedWorkbook() !== null;
  return <EvidenceListView {...props} readOnly={locked} tools={{ t, pick, report, inWorkbook }} />;
}

/**
 * The list itself, without hooks of its own for words: a register page holds fifty of these,
 * and each i18n hook costs a copy of the translator when it mounts.
 */
export function EvidenceListView({
  label,
  refs,
  required,
  missing,
  onAdd,
  onRemove,
  compact,
  readOnly,
  tools: { t, pick, report, inWorkbook },
}: Props & { readonly tools: EvidenceTools }) {
  const [problems, setProblems] = useState<readonly { name: string; message: Bilingual }[]>([]);
  const [busy, setBusy] = useState(false);

  const attach = () => {
    setBusy(true);
    report(
      useEvidenceStore
        .getState()
        .pick()
        .then((result) => {
          setProblems(result.problems);
          if (result.files.length > 0) onAdd(result.files);
        })
        .finally(() => setBusy(false)),
    );
  };
  const download = (ref: EvidenceRef) => {
    if (inWorkbook) {
      useFeedbackStore
        .getState()
        .show({ kind: 'warning', text: t('workbook.evidenceNotHere', { name: ref.name }) });
    } else report(useEvidenceStore.getState().saveCopy(ref));
  };

  return (
    <div className={`evidence${compact ? ' compact' : ''}`}>
      {!compact && (
        <span className="evidence-title">
          {t('walk.evidence.title')}
          {required && (
            <span className={`tag ${missing ? 'tag-warning' : ''}`}>
              {t('walk.evidence.required')}
            </span>
          )}
        </span>
      )}
      {refs.length > 0 && (
        <ul className="evidence-list">
          {refs.map((ref) => (
            <li key={ref.sha256} className="evidence-file">
              {!inWorkbook && canPreview(ref.type, ref.size) && <Preview evidence={ref} />}
              <button
                type="button"
                className="link"
                onClick={() => download(ref)}
                title={inWorkbook ? t('workbook.evidenceNotHereShort') : t('walk.evidence.save')}
              >
                {ref.name}
              </button>
              <span className="hint">{formatBytes(ref.size)}</span>
              {!readOnly && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('walk.evidence.removeNamed', { name: ref.name })}
                  onClick={() => onRemove(ref.sha256)}
                >
                  {t('walk.evidence.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly && refs.length === 0 && !compact && (
        <span className="hint">{t('signoff.lock.noFiles')}</span>
      )}
      {!readOnly && (
        <button
          type="button"
          className="button button-quiet"
          onClick={attach}
          disabled={busy}
          // The name starts with what the button shows, so "附件" said aloud (voice control) finds
          // it; while busy it is what it shows.
          aria-label={
            busy
              ? undefined
              : t(compact ? 'walk.evidence.attachShortFor' : 'walk.evidence.attachFor', {
                  name: label,
                })
          }
        >
          {busy ? (
            t('walk.evidence.attaching')
          ) : compact ? (
            <>
              <span aria-hidden="true">+ </span>
              {t('walk.evidence.attachShort')}
            </>
          ) : (
            t('walk.evidence.attach')
          )}
        </button>
      )}
      {problems.length > 0 && (
        <ul className="evidence-problems" role="alert">
          {problems.map((p, index) => (
            <li key={index}>
              <strong>{p.name}</strong>: {pick(p.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
