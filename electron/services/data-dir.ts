import path from 'node:path';

/**
 * Where the app keeps everything it stores. QINGLANG_DATA_DIR wins (tests, portable use on a
 * USB stick); otherwise the caller's default (Electron's userData, or .data/ for the harness).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, fallback: string): string {
  const fromEnv = env.QINGLANG_DATA_DIR?.trim();
  return path.resolve(fromEnv ? fromEnv : fallback);
}
