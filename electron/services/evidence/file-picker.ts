import { AppError } from '../../../shared/errors';

/** Lets the user choose files: the paths come from the main process's own dialog, never the page. */
export interface FilePicker {
  /** The chosen paths; [] when the user cancels. */
  pickFiles(): Promise<string[]>;
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
