/** Host names that can only be this machine. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server's address (electron-vite sets ELECTRON_RENDERER_URL for `npm run dev`), when the
 * app runs unpackaged and the address is on this machine; otherwise undefined, and the window
 * loads the app's own qinglang:// page. The window carries the preload, so whatever it loads can
 * call window.api: a packaged app never loads a dev server, and an unpackaged one never loads a
 * page from the network, however the variable is set.
 */
export function devServerUrl(
  candidate: string | undefined,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged || !candidate) return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (!web || !LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) return undefined;
  return candidate;
}
