import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { withTranslation } from 'react-i18next';
import type { WithTranslation } from 'react-i18next';
import { reportRendererError } from '../lib/report-error';

interface State {
  readonly failed: boolean;
}

/** A render error shows a calm page in the user's language; the details go to the log only. */
class Boundary extends Component<WithTranslation & { children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The component stack names our own components only: safe for the log, useful for support.
    reportRendererError(error, `render${info.componentStack?.split('\n', 3).join(' ') ?? ''}`);
  }

  override render() {
    const { t } = this.props;
    if (!this.state.failed) return this.props.children;
    return (
      <main className="crash" role="alert">
        <h1>{t('errors.crashTitle')}</h1>
        <p>{t('errors.crashBody')}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          {t('errors.reload')}
        </button>
      </main>
    );
  }
}

export const ErrorBoundary = withTranslation()(Boundary);
