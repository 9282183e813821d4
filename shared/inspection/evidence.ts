/** Evidence files: a photo of a signed agreement, a screenshot of a firewall policy, a PDF. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

/**
 * A file the app makes itself and stores as evidence (a signature drawn on screen, a PNG of a few
 * tens of KB): it crosses the door as base64, so it is kept small.
 */
export const MAX_MADE_EVIDENCE_BYTES = 1024 * 1024;

/**
 * Types shown inline as a preview. Only raster images whose bytes were sniffed as such: never
 * SVG (it can carry script) and never what a file's name merely claims.
 */
export const PREVIEW_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Previews are read whole through the IPC door; larger images are offered as a download only. */
export const MAX_PREVIEW_BYTES = 15 * 1024 * 1024;

export function canPreview(type: string, size: number): boolean {
  return (PREVIEW_TYPES as readonly string[]).includes(type) && size <= MAX_PREVIEW_BYTES;
}

/** "1.2 MB" in both languages (units are the same). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
