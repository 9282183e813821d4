import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBureauStore } from '../../../../electron/services/bureau/bureau-store';
import { dataPaths } from '../../../../electron/services/data-layout';
import { silentLogger } from '../../../../electron/services/logger';
import { bureauIndexSchema } from '../../../../shared/bureau/store-index';
import { useTempDir } from '../../temp-dir';
import { bureauSamples, workbookOf } from './bureau-fixtures';

const DAY_1 = new Date('2026-12-01T02:00:00.000Z');
const DAY_2 = new Date('2026-12-02T02:00:00.000Z');
let clock = DAY_1;
const open = (dataDir: string) => openBureauStore({ dataDir, log: silentLogger, now: () => clock });
const [one, two] = bureauSamples('all', 2, 'bureau-damage').map((s) => workbookOf(s)) as [
  Buffer,
  Buffer,
];

const add = async (store: ReturnType<typeof open>, name: string, bytes: Buffer) => {
  const { intake } = await store.add(name, bytes);
  if (intake.outcome !== 'accepted') throw new Error(intake.reason['en-US']);
  return intake.sha256;
};
const review = (sha256: string, decision: 'accepted' | 'returned') => ({
  sha256,
  decision,
  comment: `${decision} ${sha256.slice(0, 6)}`,
  items: [],
  reviewer: '王科长',
});

/** Day 1: one received and returned. Day 2: two received (the day's backup taken first) and accepted. */
async function twoDays(dir: string) {
  clock = DAY_1;
  const store = open(dir);
  const first = await add(store, '一中.xlsx', one);
  await store.review(review(first, 'returned'));
  clock = DAY_2;
  const second = await add(store, '二中.xlsx', two);
  await store.review(review(second, 'accepted'));
  return { first, second, paths: dataPaths(dir) };
}

describe('the bureau store when its files are damaged', () => {
  const tempDir = useTempDir();

  it('keeps a damaged index aside, says so, and rebuilds it from the copies with the reviews of its last backup', async () => {
    const dir = tempDir();
    const { first, second, paths } = await twoDays(dir);
    fs.writeFileSync(
      paths.bureauIndexFile,
      '{"format": "qinglang-bureau-index/1", "submissions": [',
    );
    const store = open(dir);
    const [notice, ...others] = store.notices;
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ kind: 'quarantined', file: 'bureau/index.json' });
    expect(notice!.keptAs).toMatch(/^bureau\/index\.corrupt-.+\.json$/);
    expect(fs.readFileSync(path.join(dir, notice!.keptAs!), 'utf8')).toContain('"submissions": [');
    expect(notice!.detail!['zh-CN']).toContain('2026-12-0');
    expect(notice!.detail!['en-US']).toMatch(/Reviews and comments made since then were lost/);
    const index = store.snapshot();
    expect(index.submissions.map((s) => s.sha256).sort()).toEqual([first, second].sort());
    // What the backup knew: the name the first file came under, its review.
    expect(index.submissions.find((s) => s.sha256 === first)?.file).toBe('一中.xlsx');
    expect(Object.keys(index.reviews)).toEqual([first]);
    expect(index.reviews[first]?.decision).toBe('returned');
    // Written back whole: the next start is quiet.
    expect(
      bureauIndexSchema.parse(JSON.parse(fs.readFileSync(paths.bureauIndexFile, 'utf8'))),
    ).toEqual(index);
    expect(open(dir).notices).toEqual([]);
  });

  it('says reviews were lost when no backup can give them back', async () => {
    const dir = tempDir();
    clock = DAY_1;
    const store = open(dir);
    const sha256 = await add(store, '一中.xlsx', one);
    await store.review(review(sha256, 'accepted'));
    fs.writeFileSync(
      dataPaths(dir).bureauIndexFile,
      JSON.stringify({ format: 'qinglang-bureau-index/1' }),
    );
    const again = open(dir);
    expect(again.notices[0]?.detail?.['en-US']).toMatch(/no usable backup/);
    expect(again.count()).toBe(1);
    expect(again.snapshot().reviews).toEqual({});
  });

  it('sets aside a copy whose bytes changed, never using it', async () => {
    const dir = tempDir();
    const { first, second, paths } = await twoDays(dir);
    // Another size: found at start.
    fs.appendFileSync(paths.bureauCopy(first, 'workbook'), 'x');
    const store = open(dir);
    expect(store.notices).toEqual([
      expect.objectContaining({
        kind: 'quarantined',
        file: `bureau/files/${first}.xlsx`,
        keptAs: expect.stringMatching(new RegExp(`^bureau/files/${first}\\.corrupt-`)),
      }),
    ]);
    expect(store.snapshot().submissions.map((s) => s.sha256)).toEqual([second]);
    expect(fs.existsSync(paths.bureauCopy(first, 'workbook'))).toBe(false);
    // The same size, changed: found when the copies are read again to rebuild.
    const copy = paths.bureauCopy(second, 'workbook');
    const bytes = fs.readFileSync(copy);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(copy, bytes);
    fs.writeFileSync(paths.bureauIndexFile, 'garbage');
    const rebuilt = open(dir);
    expect(rebuilt.count()).toBe(0);
    expect(rebuilt.notices.map((n) => n.file)).toEqual([
      'bureau/index.json',
      `bureau/files/${second}.xlsx`,
    ]);
  });

  it('reports a missing copy and takes its submission out', async () => {
    const dir = tempDir();
    const { first, paths } = await twoDays(dir);
    fs.rmSync(paths.bureauCopy(first, 'workbook'));
    const store = open(dir);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]?.detail?.['zh-CN']).toContain('一中.xlsx');
    expect(store.count()).toBe(1);
  });

  it('leaves an index from a newer app untouched and refuses changes', async () => {
    const dir = tempDir();
    const paths = dataPaths(dir);
    fs.mkdirSync(paths.bureau, { recursive: true });
    const text = JSON.stringify({ format: 'qinglang-bureau-index/2', submissions: 'new' });
    fs.writeFileSync(paths.bureauIndexFile, text);
    const store = open(dir);
    expect(store.notices).toEqual([{ kind: 'newer-version', file: 'bureau/index.json' }]);
    await expect(store.add('a.xlsx', one)).rejects.toMatchObject({ code: 'storage-newer-version' });
    expect(fs.readFileSync(paths.bureauIndexFile, 'utf8')).toBe(text);
    expect(fs.existsSync(paths.bureauFiles)).toBe(false);
  });

  it('keeps ten backups of the index at most', async () => {
    const dir = tempDir();
    const { first, paths } = await twoDays(dir);
    const store = open(dir);
    for (let i = 0; i < 12; i++) {
      await store.remove(first);
      await add(store, '一中.xlsx', one);
    }
    expect(fs.readdirSync(paths.bureauBackups)).toHaveLength(10);
  });
});
