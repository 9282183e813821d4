import { AppError } from '../../../shared/errors';
import type { SaveOutcome } from '../../../shared/ipc/exports';

/** A file the app made for the user to keep: the name to offer and its bytes. */
export interface FileToSave {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * Lets the user keep a file the app made (a workbook, a submission package). The shell provides
 * it, like the file picker and the PDF printer: the desktop app asks where with its own save
 * dialog and writes the file there (desktop/dialog-saver.ts); the browser harness cannot write
 * where the user chooses, so it hands the bytes back for the page to download.
 */
export interface FileSaver {
  save(file: FileToSave): Promise<SaveOutcome>;
  /**
   * Shows a file in the system's file manager. Only a path this saver itself wrote in this
   * session: a path the page names is never trusted.
   */
  showInFolder(path: string): Promise<void>;
}

const NO_FOLDER = {
  'zh-CN': '这里无法在文件夹中显示文件：浏览器测试模式中，文件保存在浏览器的下载文件夹里。',
  'en-US':
    "Files cannot be shown in a folder here: in the browser harness, they are in the browser's downloads folder.",
};

/** The browser harness's: the page downloads the bytes (renderer/api/files.ts saveFile). */
export const downloadSaver: FileSaver = {
  save: ({ fileName, bytes }) =>
    Promise.resolve({
      kind: 'download',
      fileName,
      dataBase64: Buffer.from(bytes).toString('base64'),
    }),
  showInFolder: () => Promise.reject(new AppError('export-failed', NO_FOLDER)),
};

/** For a process with no window and no page (the CLI, tools): says so rather than saving nothing. */
export const unavailableSaver: FileSaver = {
  save: () =>
    Promise.reject(
      new AppError('export-failed', {
        'zh-CN': '这里无法打开保存文件的对话框。',
        'en-US': 'No save dialog can be opened here.',
      }),
    ),
  showInFolder: () => Promise.reject(new AppError('export-failed', NO_FOLDER)),
};

/** The refusal of a path this session did not save: the page may not name files to show. */
export const NOT_SAVED_HERE = {
  'zh-CN': '只能在文件夹中显示本次运行中刚保存的文件。',
  'en-US': 'Only a file saved during this session can be shown in its folder.',
};
