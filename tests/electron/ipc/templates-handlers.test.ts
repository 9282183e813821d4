import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { createServices } from '../../../electron/services/services';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import type { TemplateDiff } from '../../../shared/template/diff-schema';
import type { Template } from '../../../shared/template/schema';
import { templateSchema } from '../../../shared/template/schema';
import { useTempDir } from '../temp-dir';

const V1 = templateSchema.parse(
  JSON.parse(fs.readFileSync('resources/templates/school-security-2026.1.json', 'utf8')),
);

/** 2026.1 with its first item gone and the second one's prompt reworded, as version 2099.1. */
function later(): Template {
  const [first, ...rest] = V1.sections;
  const [, second, ...others] = first!.items;
  return {
    ...V1,
    version: '2099.1',
    sections: [
      {
        ...first!,
        items: [{ ...second!, prompt: { 'zh-CN': '新的提法', 'en-US': 'New wording' } }, ...others],
      },
      ...rest,
    ],
  };
}

describe('templates:diff, through the door', () => {
  const tempDir = useTempDir();

  function setUp() {
    const services = createServices({
      dataDir: tempDir(),
      version: '0.0.0-test',
      shell: 'browser',
      storeFactory: confStoreFactory,
      log: silentLogger,
    });
    const dispatch = createDispatcher({
      contract,
      handlers: createHandlers(services),
      locale: () => 'zh-CN',
      log: silentLogger,
    });
    services.templates.install(later());
    return (input: unknown) =>
      dispatch('templates:diff', input) as Promise<IpcResult<TemplateDiff>>;
  }

  it('compares an installed version with a built-in one', async () => {
    const diff = setUp();
    const result = await diff({
      from: { id: V1.id, version: '2026.1' },
      to: { id: V1.id, version: '2099.1' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [first, second] = V1.sections[0]!.items;
    expect(result.value.items.removed.map((i) => i.id)).toEqual([first!.id]);
    expect(result.value.items.added).toEqual([]);
    expect(result.value.items.changed).toEqual([
      expect.objectContaining({
        id: second!.id,
        changes: [{ field: 'prompt', before: second!.prompt, after: expect.anything() }],
      }),
    ]);
  });

  it('refuses a version that is not installed, with the usual message', async () => {
    const diff = setUp();
    const result = await diff({
      from: { id: V1.id, version: '2026.1' },
      to: { id: V1.id, version: '1999.9' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('template-not-found');
  });

  it('refuses input of the wrong shape', async () => {
    const diff = setUp();
    const result = await diff({ from: { id: V1.id, version: '2026.1' } });
    expect(result.ok).toBe(false);
  });
});
