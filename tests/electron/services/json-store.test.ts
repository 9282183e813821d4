import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronStoreFactory } from '../../../electron/desktop/electron-store-factory';
import { confStoreFactory } from '../../../electron/services/json-store';
import type { StoreFactory } from '../../../electron/services/json-store';
import { useTempDir } from '../temp-dir';

type Doc = { schemaVersion: number; language: string; defaultTemplate?: string };

describe.each([
  ['conf (the CLI and the harness)', confStoreFactory],
  ['electron-store (the desktop app)', electronStoreFactory],
] as [string, StoreFactory][])('a JSON store: %s', (_name, factory) => {
  const tempDir = useTempDir();
  const read = (dir: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as unknown;

  it('writes exactly the keys it is given: a key removed stays removed, in this run and the next', () => {
    const dir = tempDir();
    const first = factory<Doc>({ cwd: dir, name: 'settings' });
    first.store = { schemaVersion: 2, language: 'zh-CN', defaultTemplate: 'x@1' };
    first.store = { schemaVersion: 2, language: 'zh-CN' };
    expect(read(dir)).toEqual({ schemaVersion: 2, language: 'zh-CN' });

    // The next run opens the file anew and writes again: nothing comes back.
    const second = factory<Doc>({ cwd: dir, name: 'settings' });
    second.store = { schemaVersion: 2, language: 'en-US' };
    expect(read(dir)).toEqual({ schemaVersion: 2, language: 'en-US' });
    expect(second.store).toEqual({ schemaVersion: 2, language: 'en-US' });
  });
});
