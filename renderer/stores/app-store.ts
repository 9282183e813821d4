import i18next from 'i18next';
import { create } from 'zustand';
import type { Locale } from '../../shared/i18n/locale';
import type { AppInfo } from '../../shared/ipc/app';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { api, unwrap } from '../api/client';

/** What the shell knows about the app and the user's settings; the Node side stays the source. */
interface AppState {
  readonly info: AppInfo | null;
  readonly settings: Settings | null;
  readonly dismissedNotices: boolean;
  /** Loads info and settings from the Node side; throws ApiError when it cannot. */
  load(): Promise<void>;
  setLanguage(language: Locale): Promise<void>;
  /** Saves other settings (school profile, inspector's name). */
  updateSettings(patch: SettingsPatch): Promise<void>;
  dismissNotices(): void;
}

// Language changes go to the Node side one at a time, in the order the user made them, so two
// quick clicks cannot end with the screen in one language and the saved setting in the other.
let languageQueue: Promise<unknown> = Promise.resolve();

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  settings: null,
  dismissedNotices: false,
  async load() {
    const [info, settings] = await Promise.all([
      unwrap(api().app.info()),
      unwrap(api().settings.get()),
    ]);
    set({ info, settings });
  },
  setLanguage(language) {
    const run = languageQueue.then(async () => {
      const settings = await unwrap(api().settings.set({ language }));
      set({ settings });
      await i18next.changeLanguage(settings.language);
    });
    languageQueue = run.catch(() => undefined);
    return run;
  },
  async updateSettings(patch) {
    set({ settings: await unwrap(api().settings.set(patch)) });
  },
  dismissNotices: () => set({ dismissedNotices: true }),
}));
