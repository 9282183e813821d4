import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/i18n/i18n';
import { useAppStore } from '../../../renderer/stores/app-store';
import { installFakeApi } from '../fake-api';

describe('the app store', () => {
  it('sends language changes one at a time, so the last click wins on screen and on disk', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let stored = 'zh-CN';
    const order: string[] = [];
    installFakeApi({
      answers: {
        'settings:set': (input) => {
          const { language } = input as { language: string };
          order.push(`start ${language}`);
          stored = language;
          return { ok: true, value: { language } };
        },
      },
    });
    // Hold the first answer back, as a slow disk would.
    const realInvoke = window.api.settings.set;
    let first = true;
    Object.defineProperty(window, 'api', {
      configurable: true,
      value: {
        ...window.api,
        settings: {
          ...window.api.settings,
          set: async (input: { language?: 'zh-CN' | 'en-US' }) => {
            if (first) {
              first = false;
              await gate;
            }
            return realInvoke(input);
          },
        },
      },
    });
    await initI18n('zh-CN');
    await useAppStore.getState().load();

    const a = useAppStore.getState().setLanguage('en-US');
    const b = useAppStore.getState().setLanguage('zh-CN');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    release();
    await Promise.all([a, b]);

    expect(order).toEqual(['start en-US', 'start zh-CN']);
    expect(stored).toBe('zh-CN');
    expect(useAppStore.getState().settings?.language).toBe('zh-CN');
    expect(i18next.language).toBe('zh-CN');
  });
});
