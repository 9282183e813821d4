import path from 'node:path';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import { app, dialog, shell } from 'electron';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../services/atomic-file';
import type { FileSaver } from '../services/export/file-saver';
import { NOT_SAVED_HERE } from '../services/export/file-saver';

export const SAVE_DIALOG_TITLE = '保存导出文件 / Save the exported file';

/** What the dialog offers to save a file as, by its extension; anything else: all files. */
const FILTERS: Readonly<Record<string, SaveDialogOptions['filters']>> = {
  '.xlsx': [{ name: 'Excel 工作簿 / Excel workbook', extensions: ['xlsx'] }],
  '.zip': [{ name: '报送材料 (zip) / Submission package (zip)', extensions: ['zip'] }],
};

/**
 * Electron's save dialog, modal to the app's window when there is one: the path comes from the
 * main process's own dialog, never from the page. It opens in the folder last saved to in this
 * session, or the user's Documents; the file is written atomically (a temp file beside it, then
 * renamed), so a failed write never leaves half a file under the chosen name. Only the files it
 * wrote can be shown in their folder.
 */
export function createDialogSaver(getWindow: () => BrowserWindow | null): FileSaver {
  const written = new Set<string>();
  let lastFolder: string | null = null;
  return {
    async save({ fileName, bytes }) {
      const folder = lastFolder ?? app.getPath('documents');
      const options: SaveDialogOptions = {
        title: SAVE_DIALOG_TITLE,
        defaultPath: path.join(folder, fileName),
        filters: FILTERS[path.extname(fileName).toLowerCase()] ?? [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = getWindow();
      const result =
        window && !window.isDestroyed()
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { kind: 'cancelled' };
      const target = path.resolve(result.filePath);
      try {
        writeFileAtomic(target, bytes);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
        throw new AppError('export-failed', {
          'zh-CN': `文件没有保存到 ${target}（${code}）。请检查磁盘空间和写入权限，或换一个文件夹再试。`,
          'en-US': `The file was not saved to ${target} (${code}). Check disk space and permission to write, or choose another folder, and try again.`,
        });
      }
      written.add(target);
      lastFolder = path.dirname(target);
      return { kind: 'saved', path: target };
    },
    showInFolder(file) {
      if (!written.has(file)) return Promise.reject(new AppError('export-failed', NOT_SAVED_HERE));
      shell.showItemInFolder(file);
      return Promise.resolve();
    },
  };
}
