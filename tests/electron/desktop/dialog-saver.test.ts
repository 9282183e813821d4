import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDialogSaver, SAVE_DIALOG_TITLE } from '../../../electron/desktop/dialog-saver';
import { useTempDir } from '../temp-dir';

describe("Electron's save dialog", () => {
  const tempDir = useTempDir();
  const showSaveDialog = vi.mocked(dialog.showSaveDialog);
  const showItemInFolder = vi.mocked(shell.showItemInFolder);
  afterEach(() => {
    showSaveDialog.mockReset();
    showItemInFolder.mockReset();
  });

  const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xe6, 0xb8, 0x85]);

  it("opens in Documents, modal to the window, offers the workbook's name and type, and writes exactly its bytes there", async () => {
    const documents = tempDir();
    vi.mocked(app.getPath).mockImplementationOnce((name: string) =>
      name === 'documents' ? documents : '/elsewhere',
    );
    const window = new BrowserWindow({});
    const chosen = path.join(documents, '清朗检查-1111000001-2026-autumn.xlsx');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    const saver = createDialogSaver(() => window);
    const outcome = await saver.save({ fileName: '清朗检查-1111000001-2026-autumn.xlsx', bytes });
    expect(outcome).toEqual({ kind: 'saved', path: chosen });
    expect(showSaveDialog).toHaveBeenCalledWith(window, {
      title: SAVE_DIALOG_TITLE,
      defaultPath: chosen,
      filters: [{ name: 'Excel 工作簿 / Excel workbook', extensions: ['xlsx'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(fs.readFileSync(chosen).equals(bytes)).toBe(true);
    expect(fs.readdirSync(documents)).toEqual([path.basename(chosen)]);
  });

  it('opens next time in the folder last saved to, and offers a package as a zip', async () => {
    const first = tempDir();
    const saver = createDialogSaver(() => null);
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(first, 'a.xlsx') });
    await saver.save({ fileName: 'a.xlsx', bytes });
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(saver.save({ fileName: '报送材料.zip', bytes })).resolves.toEqual({
      kind: 'cancelled',
    });
    expect(showSaveDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({
        defaultPath: path.join(first, '报送材料.zip'),
        filters: [{ name: '报送材料 (zip) / Submission package (zip)', extensions: ['zip'] }],
      }),
    );
  });

  it('writes nothing when the user cancels, and cannot show a file it did not write', async () => {
    const dir = tempDir();
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: path.join(dir, 'a.xlsx') });
    const saver = createDialogSaver(() => null);
    await expect(saver.save({ fileName: 'a.xlsx', bytes })).resolves.toEqual({
      kind: 'cancelled',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    await expect(saver.showInFolder(path.join(dir, 'a.xlsx'))).rejects.toMatchObject({
      code: 'export-failed',
    });
    expect(showItemInFolder).not.toHaveBeenCalled();
  });

  it('shows in its folder a file it saved, and only that one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.xlsx');
    fs.writeFileSync(path.join(dir, 'other.txt'), 'not ours');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: file });
    const saver = createDialogSaver(() => null);
    await saver.save({ fileName: 'a.xlsx', bytes });
    await saver.showInFolder(file);
    expect(showItemInFolder).toHaveBeenCalledWith(file);
    await expect(saver.showInFolder(path.join(dir, 'other.txt'))).rejects.toMatchObject({
      code: 'export-failed',
      detail: { 'en-US': 'Only a file saved during this session can be shown in its folder.' },
    });
    expect(showItemInFolder).toHaveBeenCalledTimes(1);
  });

  it('says where and why a file could not be written, and leaves no half file behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'missing-folder', 'a.xlsx');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: file });
    const saver = createDialogSaver(() => null);
    const failed = saver.save({ fileName: 'a.xlsx', bytes });
    await expect(failed).rejects.toMatchObject({ code: 'export-failed' });
    await expect(failed).rejects.toThrow(/not saved to .*a\.xlsx \(ENOENT\)/);
    expect(fs.readdirSync(dir)).toEqual([]);
    await expect(saver.showInFolder(file)).rejects.toMatchObject({ code: 'export-failed' });
  });
});
