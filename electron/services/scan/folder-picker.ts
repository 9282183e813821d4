import { AppError } from '../../../shared/errors';

/**
 * Lets the user choose a folder to scan: the path comes from the main process's own dialog,
 * never from the page (which is given a token standing for it).
 */
export interface FolderPicker {
  /** The chosen folder's path; null when the user cancels. */
  pickFolder(): Promise<string | null>;
}

/**
 * For processes without a window of their own. The browser harness never reaches it: its bridge
 * answers scan:pickFolder in the page with a folder input and uploads a copy of the files.
 */
export const unavailableFolderPicker: FolderPicker = {
  pickFolder() {
    return Promise.reject(
      new AppError('scan-folder-unavailable', {
        'zh-CN': '这里无法打开选择文件夹的对话框。浏览器测试模式请使用页面中的文件夹选择框。',
        'en-US':
          'No folder dialog can be opened here. In the browser harness, folders are chosen through the folder input on the page.',
      }),
    );
  },
};
