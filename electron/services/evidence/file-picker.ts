import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { AppError } from '../../../shared/errors';

/** Lets the user choose files: the paths come from the main process's own dialog, never the page. */
export interface FilePicker {
  /** The chosen paths; [] when the user cancels. */
  pickFiles(): Promise<string[]>;
}

export const DIALOG_TITLE = '选择证明材料 / Choose evidence files';

/**
 * Electron's open dialog, modal to the app's window when there is one. Electron is imported when
 * the dialog opens, not when this module loads: the harness and the CLI import this module for
 * `unavailablePicker` and run in plain Node, where importing 'electron' fails.
 */
export function createDialogPicker(getWindow: () => BrowserWindow | null): FilePicker {
  return {
    async pickFiles() {
      const { dialog } = await import('electron');
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

/**
 * For processes without a window of their own. The browser harness never reaches it: its bridge
 * answers evidence:pick in the page with a file input and uploads the bytes.
 */
export const unavailablePicker: FilePicker = {
  pickFiles() {
    return Promise.reject(
      new AppError('evidence-unreadable', {
        'zh-CN': '这里无法打开选择文件的对话框。浏览器测试模式请使用页面中的文件选择框附加文件。',
        'en-US':
          'No file dialog can be opened here. In the browser harness, files are attached through the file input on the page.',
      }),
    );
  },
};
