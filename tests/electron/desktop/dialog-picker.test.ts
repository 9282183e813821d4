import { BrowserWindow, dialog } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createDialogFolderPicker,
  createDialogPicker,
  DIALOG_TITLE,
  FOLDER_DIALOG_TITLE,
} from '../../../electron/desktop/dialog-picker';

describe("Electron's file dialog", () => {
  const showOpenDialog = vi.mocked(dialog.showOpenDialog);
  afterEach(() => showOpenDialog.mockReset());

  it('asks for several files, modal to the app window, with a title in both languages', async () => {
    const window = new BrowserWindow({});
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/a.pdf', '/b.png'] });
    const picker = createDialogPicker(() => window);
    await expect(picker.pickFiles()).resolves.toEqual(['/a.pdf', '/b.png']);
    expect(showOpenDialog).toHaveBeenCalledWith(window, {
      title: DIALOG_TITLE,
      properties: ['openFile', 'multiSelections'],
    });
    expect(DIALOG_TITLE).toBe('选择证明材料 / Choose evidence files');
  });

  it('returns nothing when the user cancels', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: ['/ignored'] });
    await expect(createDialogPicker(() => null).pickFiles()).resolves.toEqual([]);
    expect(showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openFile', 'multiSelections'] }),
    );
  });
});

describe("Electron's folder dialog (content review)", () => {
  const showOpenDialog = vi.mocked(dialog.showOpenDialog);
  afterEach(() => showOpenDialog.mockReset());

  it('asks for one folder, modal to the app window, and gives its path to the main process', async () => {
    const window = new BrowserWindow({});
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/sites/school'] });
    await expect(createDialogFolderPicker(() => window).pickFolder()).resolves.toBe(
      '/sites/school',
    );
    expect(showOpenDialog).toHaveBeenCalledWith(window, {
      title: FOLDER_DIALOG_TITLE,
      properties: ['openDirectory'],
    });
  });

  it('returns null when the user cancels', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(createDialogFolderPicker(() => null).pickFolder()).resolves.toBeNull();
  });
});
