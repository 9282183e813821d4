import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { reportRendererError } from './lib/report-error';
import { initI18n } from './i18n/i18n';
import { useAppStore } from './stores/app-store';
import './styles/app.css';

window.addEventListener('error', (event) => reportRendererError(event.error, 'window.error'));
window.addEventListener('unhandledrejection', (event) =>
  reportRendererError(event.reason, 'unhandledrejection'),
);

const root = createRoot(document.getElementById('root')!);

async function start() {
  try {
    await useAppStore.getState().load();
    await initI18n(useAppStore.getState().settings?.language);
  } catch (error) {
    // Without settings there is no language yet: say it in both.
    const i18n = await initI18n();
    // An ApiError already speaks the user's language; anything else means there is no door at all.
    const message = error instanceof ApiError ? error.message : i18n.t('errors.noService');
    root.render(
      <main className="crash" role="alert">
        <h1>{i18n.t('errors.startFailed', { message })}</h1>
        <p>{i18n.t('errors.startFailedHint')}</p>
        <p lang="en-US">{i18n.getFixedT('en-US')('errors.startFailedHint')}</p>
      </main>,
    );
    reportRendererError(error, 'start');
    return;
  }
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start();
