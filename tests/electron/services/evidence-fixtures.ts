import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { AppError } from '../../../shared/errors';

/** Every file under the evidence folder, relative to it. */
export function filesIn(dataDir: string): string[] {
  const root = path.join(dataDir, 'evidence');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The code of the AppError a promise is refused with (fails the test for anything else). */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}
