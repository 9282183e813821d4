import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../../../shared/inspection/schema';
import { bytesToBase64 } from '../../../renderer/api/files';
import { ApiError } from '../../../renderer/api/client';
import { useEvidenceStore } from '../../../renderer/stores/evidence-store';
import { installFakeApi } from '../fake-api';
import { catchDownloads } from '../fixtures';

// Each test uses files of its own: a preview, once read, is kept for the whole window.
let next = 0;
function photo(): EvidenceRef {
  next += 1;
  return {
    sha256: next.toString(16).padStart(64, '0'),
    name: `机房照片${next}.png`,
    type: 'image/png',
    size: 4,
    addedAt: '2026-11-29T08:00:00.000Z',
  };
}

const BYTES = bytesToBase64(new TextEncoder().encode('PNG!'));

/** Evidence on the Node side: `read` answers with the file's bytes, or fails while `broken`. */
function fakeNode() {
  const reads: string[] = [];
  let broken = false;
  const fake = installFakeApi({
    answers: {
      'evidence:pick': () => ({
        ok: true,
        value: {
          files: [photo()],
          problems: [
            { name: '录像.mp4', message: { 'zh-CN': '文件超过 50 MB', 'en-US': 'Over 50 MB' } },
          ],
        },
      }),
      'evidence:read': (input) => {
        reads.push((input as { sha256: string }).sha256);
        return broken
          ? { ok: false, error: { code: 'evidence-unreadable', message: '无法读取这个文件' } }
          : { ok: true, value: { type: 'image/png', dataBase64: BYTES } };
      },
    },
  });
  return { ...fake, reads, breakReads: (value: boolean) => (broken = value) };
}

describe('the evidence store', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => {
    downloads = catchDownloads();
  });
  afterEach(() => downloads.restore());

  it('hands over the files picked and the ones refused, with why', async () => {
    fakeNode();
    const result = await useEvidenceStore.getState().pick();
    expect(result.files).toHaveLength(1);
    expect(result.problems).toEqual([
      { name: '录像.mp4', message: { 'zh-CN': '文件超过 50 MB', 'en-US': 'Over 50 MB' } },
    ]);
  });

  it('reads a preview once, however many thumbnails show the file', async () => {
    const node = fakeNode();
    const ref = photo();
    await Promise.all([
      useEvidenceStore.getState().loadPreview(ref),
      useEvidenceStore.getState().loadPreview(ref),
    ]);
    await useEvidenceStore.getState().loadPreview(ref);
    expect(node.reads).toEqual([ref.sha256]);
    const url = useEvidenceStore.getState().previews.get(ref.sha256)!;
    expect(url).toMatch(/^blob:/);
  });

  it('leaves a preview that cannot be read empty, and tries it again next time', async () => {
    const node = fakeNode();
    const ref = photo();
    node.breakReads(true);
    await useEvidenceStore.getState().loadPreview(ref);
    expect(useEvidenceStore.getState().previews.has(ref.sha256)).toBe(false);
    node.breakReads(false);
    await useEvidenceStore.getState().loadPreview(ref);
    expect(useEvidenceStore.getState().previews.has(ref.sha256)).toBe(true);
    expect(node.reads).toEqual([ref.sha256, ref.sha256]);
  });

  it('saves a copy under the file’s own name and type', async () => {
    fakeNode();
    const ref = photo();
    await useEvidenceStore.getState().saveCopy(ref);
    expect(downloads.downloads.map((d) => d.name)).toEqual([ref.name]);
    const { blob } = downloads.downloads[0]!;
    expect(blob.type).toBe('image/png');
    expect(await blob.text()).toBe('PNG!');
  });

  it('says why a copy cannot be saved', async () => {
    const node = fakeNode();
    node.breakReads(true);
    await expect(useEvidenceStore.getState().saveCopy(photo())).rejects.toThrow(
      new ApiError({ code: 'evidence-unreadable', message: '无法读取这个文件' }),
    );
    expect(downloads.downloads).toEqual([]);
  });
});
