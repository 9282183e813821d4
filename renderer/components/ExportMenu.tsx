import type { FocusEvent, KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n/locale';
import type { ExportKind } from '../../shared/ipc/exports';
import { useLocale } from '../i18n/use-locale';
import { useReportError } from '../lib/use-report-error';
import type { ExportResult } from '../stores/export-store';
import { exportKey, useExportStore } from '../stores/export-store';
import { useFeedbackStore } from '../stores/feedback-store';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  readonly inspectionId: string;
  /**
   * Only a signed inspection's files are for the bureau; a draft's are marked 草稿 / DRAFT. null:
   * not known yet (the panel says both).
   */
  readonly signed: boolean | null;
  /** The language the panel starts in each time it opens; the UI's unless given (a report's). */
  readonly language?: Locale;
}

const KINDS: readonly ExportKind[] = ['workbook', 'package'];

/**
 * 导出报送文件: a button that opens a small panel to export the bureau workbook (.xlsx) or the
 * submission package (.zip) in a chosen language: a save dialog in the desktop app, a download in
 * the browser harness; then the status line says where it went (with 在文件夹中显示 on the
 * desktop). Escape, a click outside or leaving it by Tab closes the panel; Escape and a choice
 * return focus to the button.
 */
export function ExportMenu({ inspectionId, signed, language: initial }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<Locale>(initial ?? locale);
  const busy = useExportStore((s) => s.busy);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const announce = useAnnounce(signed);
  const save = useExportStore((s) => s.save);
  const report = useReportError();

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const outside = (event: MouseEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const toggle = () => {
    if (open) return close();
    if (busy !== null) return;
    setLanguage(initial ?? locale);
    setOpen(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    close();
  };
  const onBlur = (event: FocusEvent) => {
    if (!wrapper.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  const choose = (kind: ExportKind) => {
    close();
    report(save(inspectionId, language, kind).then(announce));
  };
  const working = busy !== null && KINDS.some((kind) => busy === exportKey(inspectionId, kind));

  return (
    <div className="export-menu" ref={wrapper} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="button export-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-busy={working}
        // Not disabled: a disabled button would drop the focus it was just given back.
        aria-disabled={busy !== null}
        onClick={toggle}
      >
        {working ? t('export.working') : t('export.button')}
      </button>
      <div
        id={panelId}
        className="export-panel"
        role="dialog"
        aria-labelledby={`${panelId}-title`}
        aria-describedby={`${panelId}-note`}
        hidden={!open}
      >
        <p id={`${panelId}-title`} className="export-title">
          {t('export.title')}
        </p>
        <p
          id={`${panelId}-note`}
          className={signed === false ? 'export-note export-draft' : 'export-note hint'}
        >
          {t(
            signed === null
              ? 'export.eitherNote'
              : signed
                ? 'export.signedNote'
                : 'export.draftNote',
          )}
        </p>
        <div className="export-language">
          <span className="tool-label" aria-hidden="true">
            {t('export.language')}
          </span>
          <LanguageSwitch
            name={`export-language-${panelId}`}
            label={t('export.language')}
            value={language}
            onChange={setLanguage}
          />
        </div>
        {KINDS.map((kind, index) => (
          <button
            key={kind}
            ref={index === 0 ? first : undefined}
            type="button"
            className="export-choice"
            aria-describedby={`${panelId}-${kind}`}
            onClick={() => choose(kind)}
          >
            <span className="export-choice-name">{t(`export.${kind}`)}</span>
            <span id={`${panelId}-${kind}`} className="hint">
              {t(`export.${kind}Hint`)}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}

/** Says in the status line where the file went; a draft's is said to be one. */
function useAnnounce(signed: boolean | null): (result: ExportResult) => void {
  const { t } = useTranslation();
  const show = useFeedbackStore((s) => s.show);
  const showInFolder = useExportStore((s) => s.showInFolder);
  const report = useReportError();
  return (result) => {
    if (result.kind === 'cancelled') return;
    const missing =
      result.missingEvidence > 0
        ? t('export.missingEvidence', { count: result.missingEvidence })
        : '';
    const draft = (signed === false ? t('export.draftSuffix') : '') + missing;
    const kind = signed === false || missing !== '' ? 'warning' : 'success';
    if (result.kind === 'downloaded') {
      show({ kind, text: t('export.downloaded', { file: result.fileName }) + draft });
      return;
    }
    show({
      kind,
      text: t('export.saved', { path: result.path }) + draft,
      action: { label: t('export.showInFolder'), run: () => report(showInFolder(result.path)) },
    });
  };
}
