export const BRIDGE_SCRIPT = 'harness-bridge.js';

/** The built index.html with the harness bridge loaded before the app's own module script. */
export function injectBridge(indexHtml: string): string {
  const tag = `<script type="module" src="./${BRIDGE_SCRIPT}"></script>\n    `;
  const at = indexHtml.search(/<script\b/i);
  if (at < 0) throw new Error('The renderer build has no <script> to load the bridge before');
  return indexHtml.slice(0, at) + tag + indexHtml.slice(at);
}
