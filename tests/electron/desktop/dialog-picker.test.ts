import { BrowserWindow, dialog } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDialogPicker, DIALOG_TITLE } from '../../../electron/desktop/dialog-picker';

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
