import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema } from '../../shared/settings';

describe('settings', () => {
  it('defaults to Chinese', () => {
    expect(DEFAULT_SETTINGS.language).toBe('zh-CN');
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ language: 'en-US' }, true],
    [{}, true],
    [{ language: 'fr' }, false],
    [{ language: 42 }, false],
    [{ language: 'en-US', extra: 1 }, false],
    [JSON.parse('{"__proto__": {"polluted": true}}'), false],
    [null, false],
    ['en-US', false],
  ])('a patch %j is accepted: %s', (patch, valid) => {
    expect(settingsPatchSchema.safeParse(patch).success).toBe(valid);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
