import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBureauStore } from '../../../../electron/services/bureau/bureau-store';
import { dataPaths } from '../../../../electron/services/data-layout';
import { silentLogger } from '../../../../electron/services/logger';
import { bureauIndexSchema } from '../../../../shared/bureau/store-index';
import { AppError } from '../../../../shared/errors';
import { useTempDir } from '../../temp-dir';
import { bureauSamples, workbookOf } from './bureau-fixtures';

const clock = new Date('2026-12-01T02:00:00.000Z');
const open = (dataDir: string) => openBureauStore({ dataDir, log: silentLogger, now: () => clock });
const files = bureauSamples('all', 3, 'bureau-store').map((s) => workbookOf(s));
const draft = workbookOf(bureauSamples('none', 1, 'bureau-store-draft')[0]!);
const [one, two, three] = files as [Buffer, Buffer, Buffer];

const indexOn = (dir: string) =>
  bureauIndexSchema.parse(JSON.parse(fs.readFileSync(dataPaths(dir).bureauIndexFile, 'utf8')));

const accepted = async (store: ReturnType<typeof open>, name: string, bytes: Buffer) => {
  const { intake } = await store.add(name, bytes);
  if (intake.outcome !== 'accepted') throw new Error(intake.reason['en-US']);
  return intake;
};

const codeOf = (dir: string) => indexOn(dir).submissions.map((s) => s.file);

describe('the bureau store', () => {
  const tempDir = useTempDir();

  it('keeps an accepted file as a copy named by its content, and the index across a restart', async () => {
    const dir = tempDir();
    const store = open(dir);
    const intake = await accepted(store, '学校/一中.xlsx', one);
    const copy = dataPaths(dir).bureauCopy(intake.sha256, 'workbook');
    expect(fs.readFileSync(copy)).toEqual(one);
    expect(store.count()).toBe(1);
    const again = open(dir);
    expect(again.notices).toEqual([]);
    expect(again.snapshot()).toEqual(store.snapshot());
    const [stored] = indexOn(dir).submissions;
    expect(stored).toMatchObject({ file: '学校/一中.xlsx', receivedAt: clock.toISOString() });
    expect(Object.keys(indexOn(dir).templates)).toEqual([stored!.submission.template.hash]);
  });

  it('takes the same bytes twice as one submission, under the first name', async () => {
    const dir = tempDir();
    const store = open(dir);
    const first = await accepted(store, 'a.xlsx', one);
    const second = await store.add('copy of a.xlsx', one);
    expect(second).toEqual({ intake: first, alreadyReceived: true });
    expect(codeOf(dir)).toEqual(['a.xlsx']);
  });

  it('keeps a draft (the merge decides whether drafts count) and lists a rejected file', async () => {
    const dir = tempDir();
    const store = open(dir);
    const kept = await accepted(store, 'draft.xlsx', draft);
    expect(kept.submission.signed).toBe(false);
    const { intake, alreadyReceived } = await store.add(
      'notes.xlsx',
      Buffer.from('not a workbook'),
    );
    expect(intake.outcome).toBe('rejected');
    expect(alreadyReceived).toBe(false);
    const [record] = indexOn(dir).rejected;
    expect(record).toMatchObject({ file: 'notes.xlsx', at: clock.toISOString() });
    expect(record!.reason['zh-CN']).not.toBe('');
    expect(fs.readdirSync(dataPaths(dir).bureauFiles)).toHaveLength(1);
    await store.clearRejected();
    expect(open(dir).snapshot().rejected).toEqual([]);
  });

  it('runs concurrent adds one at a time: every file kept once, the index whole', async () => {
    const dir = tempDir();
    const store = open(dir);
    const outcomes = await Promise.all(
      [one, two, one, three, two, one].map((bytes, i) => store.add(`f${i}.xlsx`, bytes)),
    );
    expect(outcomes.map((o) => o.alreadyReceived)).toEqual([false, false, true, false, true, true]);
    expect(codeOf(dir)).toEqual(['f0.xlsx', 'f1.xlsx', 'f3.xlsx']);
    expect(open(dir).count()).toBe(3);
  });

  it('only shows a hostile file name: the copy is named by its content, hidden characters replaced', async () => {
    const dir = tempDir();
    const store = open(dir);
    const names = [
      '../../../etc/passwd.xlsx',
      '__proto__',
      `evil\u202excod.xlsx`,
      'x'.repeat(1024),
    ];
    for (const [i, name] of names.entries()) await store.add(name, files[i % 3]!);
    expect(codeOf(dir)).toEqual([names[0], names[1], 'evil\uFFFDxcod.xlsx']);
    expect(fs.readdirSync(dataPaths(dir).bureau).sort()).toEqual(['files', 'index.json']);
    expect(
      fs.readdirSync(dataPaths(dir).bureauFiles).every((n) => /^[0-9a-f]{64}\.xlsx$/.test(n)),
    ).toBe(true);
    expect(fs.existsSync(path.join(dir, '..', 'etc'))).toBe(false);
  });

  it('removes a submission and its review, keeping the copy in removed/', async () => {
    const dir = tempDir();
    const store = open(dir);
    const { sha256 } = await accepted(store, 'a.xlsx', one);
    await store.review({
      sha256,
      decision: 'returned',
      comment: '请补充',
      items: [],
      reviewer: '王科长',
    });
    await store.remove(sha256);
    expect(store.count()).toBe(0);
    expect(store.snapshot().reviews).toEqual({});
    expect(fs.readFileSync(dataPaths(dir).bureauCopy(sha256, 'workbook', 'removed'))).toEqual(one);
    expect(fs.existsSync(dataPaths(dir).bureauCopy(sha256, 'workbook'))).toBe(false);
    await expect(store.remove(sha256)).rejects.toMatchObject({
      code: 'bureau-submission-not-found',
    });
    // Received again, it is a submission again.
    expect((await store.add('a.xlsx', one)).alreadyReceived).toBe(false);
  });

  it('reviews with comments on the items of the submission’s own checklist only', async () => {
    const dir = tempDir();
    const store = open(dir);
    const { sha256, submission } = await accepted(store, 'a.xlsx', one);
    const itemId = Object.keys(submission.items)[0]!;
    const review = await store.review({
      sha256,
      decision: 'returned',
      comment: '请整改后重新报送',
      items: [{ itemId, comment: '缺少日志' }],
      reviewer: '王科长',
    });
    expect(review).toMatchObject({ decision: 'returned', reviewedAt: clock.toISOString() });
    expect(open(dir).snapshot().reviews[sha256]).toEqual(review);
    const bad = { sha256, decision: 'accepted' as const, comment: '', reviewer: '王科长' };
    for (const items of [
      [{ itemId: 'no_such_item', comment: 'x' }],
      [
        { itemId, comment: 'a' },
        { itemId, comment: 'b' },
      ],
    ])
      await expect(store.review({ ...bad, items })).rejects.toMatchObject({
        code: 'bureau-review-invalid',
      });
    await expect(
      store.review({ ...bad, sha256: 'f'.repeat(64), items: [] }),
    ).rejects.toBeInstanceOf(AppError);
    expect(open(dir).snapshot().reviews[sha256]).toEqual(review);
  });
});
