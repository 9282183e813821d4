import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { dialog } from 'electron';
import type { FilePicker } from '../services/evidence/file-picker';
import type { FolderPicker } from '../services/scan/folder-picker';

export const DIALOG_TITLE = '选择证明材料 / Choose evidence files';
export const FOLDER_DIALOG_TITLE = '选择要审查的文件夹 / Choose the folder to review';

/**
 * Electron's open dialog, modal to the app's window when there is one: the paths come from the
 * main process's own dialog, never from the page.
 */
export function createDialogPicker(getWindow: () => BrowserWindow | null): FilePicker {
  return {
    async pickFiles() {
      const options: OpenDialogOptions = {
        title: DIALOG_TITLE,
        properties: ['openFile', 'multiSelections'],
      };
      const window = getWindow();
      const result =
        window && !window.isDestroyed()
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
  };
}

/** Electron's folder dialog, for the content review: the path stays in the main process. */
export function createDialogFolderPicker(getWindow: () => BrowserWindow | null): FolderPicker {
  return {
    async pickFolder() {
      const options: OpenDialogOptions = {
        title: FOLDER_DIALOG_TITLE,
        properties: ['openDirectory'],
      };
      const window = getWindow();
      const result =
        window && !window.isDestroyed()
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
