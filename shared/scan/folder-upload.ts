import type { Bilingual } from '../i18n/locale';

/**
 * The browser harness's folder pick (scan:pickFolder answered in the page): what an uploaded copy
 * of a folder may hold, and which relative paths it takes. The page checks before sending; the
 * Node side (electron/services/scan/folder-uploads.ts) checks again while storing.
 */
export const FOLDER_UPLOAD_LIMITS = {
  bytes: 500 * 1024 * 1024,
  files: 20_000,
  /** A relative path's longest length, and one name's. */
  pathChars: 1024,
  nameChars: 255,
  depth: 64,
} as const;

export const FOLDER_TOO_LARGE: Bilingual = {
  'zh-CN': `所选文件夹太大：浏览器测试模式最多上传 ${FOLDER_UPLOAD_LIMITS.files} 个文件、共 ${FOLDER_UPLOAD_LIMITS.bytes / 1024 / 1024} MB。请选择较小的文件夹，或使用桌面版。`,
  'en-US': `The folder is too large: the browser harness uploads at most ${FOLDER_UPLOAD_LIMITS.files} files, ${FOLDER_UPLOAD_LIMITS.bytes / 1024 / 1024} MB in all. Choose a smaller folder, or use the desktop app.`,
};

/**
 * The segments of a file's path in an uploaded folder (`<folder>/<path inside it>`, as the
 * browser's webkitRelativePath gives it), or null when it is not one the upload takes: empty,
 * absolute, with `.` or `..` or an empty segment, NUL or control characters, a backslash or a
 * colon (a Windows drive or stream), or too long or too deep.
 */
export function uploadPathSegments(relativePath: string): string[] | null {
  if (relativePath.length === 0 || relativePath.length > FOLDER_UPLOAD_LIMITS.pathChars)
    return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(relativePath)) return null;
  const segments = relativePath.split('/');
  if (segments.length < 2 || segments.length > FOLDER_UPLOAD_LIMITS.depth) return null;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (segment.length > FOLDER_UPLOAD_LIMITS.nameChars) return null;
  }
  return segments;
}
