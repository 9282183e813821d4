import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../../electron/services/sample-data';
import { useTempDir } from '../temp-dir';
import { AUTUMN_2026, INSPECTOR, PROFILE } from '../services/inspection-fixtures';
import { SAMPLE_FINDINGS, scanReport } from '../services/scan/scan-fixtures';
import { PROGRESS, setUpScans } from './scan-handlers-fixture';

describe('the scan handlers', () => {
  const tempDir = useTempDir();
  const setUp = () => setUpScans(tempDir());

  const evidenceOf = (
    services: ReturnType<typeof setUp>['services'],
    id: string,
  ): Record<string, string[]> => {
    const answers = services.inspections.get(id).answers;
    return Object.fromEntries(
      Object.entries(answers)
        .filter(([, a]) => a.evidence.length > 0)
        .map(([item, a]) => [item, a.evidence.map((e) => e.name)]),
    );
  };

  it('attaches the workbook and the JSON to the review item and the items of each detector found', async () => {
    const { services, scans, handlers, draft } = setUp();
    const report = scanReport(SAMPLE_FINDINGS);
    scans.store.save(draft.id, report);
    const ref = { inspectionId: draft.id, scanId: report.id };

    const summary = await handlers.attach({ ...ref, language: 'zh-CN' });
    const stem = `内容审查-20261129-${report.id.slice(0, 8)}`;
    const names = [`${stem}.xlsx`, `${stem}.json`];
    // id-number and phone → privacy leaks; hidden-link → links and malicious listing (2026.2).
    expect(evidenceOf(services, draft.id)).toEqual({
      content_past_review: names,
      content_privacy_leaks: names,
      content_links: names,
      content_malicious_listing: names,
    });
    expect(summary.attached?.items).toEqual([
      'content_past_review',
      'content_privacy_leaks',
      'content_links',
      'content_malicious_listing',
    ]);
    expect(summary.attached?.evidence.map((e) => e.type)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/json',
    ]);
    const json = await services.evidence.read(summary.attached!.evidence[1]!.sha256);
    expect(JSON.parse(json.bytes.toString('utf8'))).toEqual(report);
    // The trail shows what was added, as for any evidence.
    const trail = services.inspections.get(draft.id).audit.map((e) => e.event);
    expect(trail.filter((e) => e === 'evidence-added').length).toBeGreaterThanOrEqual(4);
    expect(await handlers.list({ inspectionId: draft.id })).toEqual([summary]);
  });

  it('attaching again after marking replaces what the scan attached, never duplicates', async () => {
    const { services, scans, handlers, draft } = setUp();
    const report = scanReport(SAMPLE_FINDINGS);
    scans.store.save(draft.id, report);
    const ref = { inspectionId: draft.id, scanId: report.id };
    await handlers.attach({ ...ref, language: 'zh-CN' });

    await handlers.mark({
      ...ref,
      findingIds: ['id-number:1', 'phone:1'],
      state: 'false-positive',
    });
    const again = await handlers.attach({ ...ref, language: 'en-US' });
    const stem = `content-review-20261129-${report.id.slice(0, 8)}`;
    const names = [`${stem}.xlsx`, `${stem}.json`];
    expect(evidenceOf(services, draft.id)).toEqual({
      content_past_review: names,
      content_links: names,
      content_malicious_listing: names,
    });
    expect(again.attached?.items).toEqual([
      'content_past_review',
      'content_links',
      'content_malicious_listing',
    ]);
    const trail = services.inspections.get(draft.id).audit.map((e) => e.event);
    expect(trail).toContain('evidence-removed');
  });

  it('skips items the checklist lacks (2026.1 has no content_malicious_listing)', async () => {
    const { services, scans, handlers } = setUp();
    const older = services.templates.list().find((t) => t.version === '2026.1')!;
    const draft = services.inspections.create({
      template: { id: older.id, version: older.version },
      period: AUTUMN_2026,
      inspector: INSPECTOR,
    });
    const report = scanReport(SAMPLE_FINDINGS);
    scans.store.save(draft.id, report);
    const summary = await handlers.attach({
      inspectionId: draft.id,
      scanId: report.id,
      language: 'zh-CN',
    });
    expect(summary.attached?.items).toEqual([
      'content_past_review',
      'content_privacy_leaks',
      'content_links',
    ]);
  });

  it('refuses to attach to a signed inspection, and changes nothing', async () => {
    const { services, scans, handlers } = setUp();
    const [sample] = sampleData({
      count: 1,
      seed: 'scan-signed',
      asOf: '2026-11-28',
      signing: 'all',
    });
    const signed = sample!.inspection;
    services.inspections.add([signed]);
    const report = scanReport(SAMPLE_FINDINGS);
    scans.store.save(signed.id, report);
    const file = path.join(services.about.dataDir, 'inspections', `${signed.id}.json`);
    const before = fs.readFileSync(file);

    await expect(
      handlers.attach({ inspectionId: signed.id, scanId: report.id, language: 'zh-CN' }),
    ).rejects.toMatchObject({ code: 'inspection-signed' });
    expect(fs.readFileSync(file)).toEqual(before);
    expect(scans.store.attachment(signed.id, report.id)).toBeNull();
  });

  it('runs one scan at a time, polls its progress, and saves what it read when it ends', async () => {
    const { dataDir, scans, handlers, runs, draft } = setUp();
    const folder = await handlers.pickFolder(undefined);
    expect(folder?.name).toBe('site');
    const request = {
      inspectionId: draft.id,
      source: { kind: 'folder' as const, token: folder!.token },
      ownHosts: ['www.school.edu.cn'],
      words: { name: '敏感词.txt', text: '澳门博彩\t赌博\n' },
    };
    const { runId } = await handlers.start(request);
    expect(runs[0]!.request).toMatchObject({
      source: { kind: 'folder', root: path.join(dataDir, '..', 'site') },
      ownHosts: ['www.school.edu.cn'],
      words: { name: '敏感词.txt', terms: [{ term: '澳门博彩', category: '赌博' }] },
      appVersion: '0.0.0-test',
    });
    await expect(handlers.start(request)).rejects.toMatchObject({ code: 'scan-busy' });
    expect(await handlers.status({ runId })).toEqual({
      state: 'running',
      progress: PROGRESS,
      scanId: null,
      error: null,
    });

    const report = scanReport(SAMPLE_FINDINGS);
    runs[0]!.finish(report);
    await scans.runs.settled(runId);
    expect(await handlers.status({ runId })).toMatchObject({
      state: 'done',
      scanId: report.id,
      progress: { phase: 'done' },
    });
    expect(await handlers.get({ inspectionId: draft.id, scanId: report.id })).toEqual(report);
    // The next one may start now.
    await expect(handlers.start(request)).resolves.toMatchObject({ runId: expect.any(String) });
  });

  it('cancels a run: what was read is saved, and the run says cancelled', async () => {
    const { scans, handlers, runs, draft } = setUp();
    const folder = scans.runs.registerFolder('/sites/school', 'school');
    const { runId } = await handlers.start({
      inspectionId: draft.id,
      source: { kind: 'folder', token: folder.token },
      ownHosts: [],
      words: null,
    });
    expect(await handlers.cancel({ runId })).toBeNull();
    expect(runs[0]!.cancelled).toBe(true);
    const report = scanReport(SAMPLE_FINDINGS.slice(0, 1), { complete: false });
    runs[0]!.finish(report);
    await scans.runs.settled(runId);
    expect(await handlers.status({ runId })).toMatchObject({
      state: 'cancelled',
      scanId: report.id,
    });
    expect((await handlers.list({ inspectionId: draft.id }))[0]).toMatchObject({
      id: report.id,
      complete: false,
    });
  });

  it('keeps a failed run with a message in both languages; unknown runs and folders are refused', async () => {
    const { scans, handlers, runs, draft } = setUp();
    const folder = scans.runs.registerFolder('/sites/school', 'school');
    const start = (token: string) =>
      handlers.start({
        inspectionId: draft.id,
        source: { kind: 'folder', token },
        ownHosts: [],
        words: null,
      });
    await expect(start('6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f')).rejects.toMatchObject({
      code: 'scan-folder-unavailable',
    });
    const { runId } = await start(folder.token);
    runs[0]!.fail(new Error('disk gone'));
    await scans.runs.settled(runId);
    const status = await handlers.status({ runId });
    expect(status.state).toBe('failed');
    expect(status.error?.['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(status.error?.['en-US']).toMatch(/went wrong/);
    await expect(
      handlers.status({ runId: '6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f' }),
    ).rejects.toMatchObject({ code: 'scan-not-found' });
  });

  it('removes an uploaded copy once the scan that read it has ended', async () => {
    const { dataDir, scans, handlers, runs, draft } = setUp();
    const token = scans.uploads.begin();
    const { Readable } = await import('node:stream');
    await scans.uploads.write(
      token,
      'site/index.html',
      Readable.from([Buffer.from('<p>hi</p>')]),
      9,
    );
    const folder = scans.uploads.finish(token);
    expect(folder).toEqual({ token, name: 'site' });
    const copy = path.join(dataDir, '.scan-uploads', token);
    expect(fs.existsSync(path.join(copy, 'site', 'index.html'))).toBe(true);

    const { runId } = await handlers.start({
      inspectionId: draft.id,
      source: { kind: 'folder', token },
      ownHosts: [],
      words: null,
    });
    expect(runs[0]!.request.source).toEqual({ kind: 'folder', root: path.join(copy, 'site') });
    runs[0]!.finish(scanReport([]));
    await scans.runs.settled(runId);
    expect(fs.existsSync(copy)).toBe(false);
    await expect(
      handlers.start({
        inspectionId: draft.id,
        source: { kind: 'folder', token },
        ownHosts: [],
        words: null,
      }),
    ).rejects.toMatchObject({ code: 'scan-folder-unavailable' });
  });

  it('reads a word list for the page: terms, categories, problems', async () => {
    const { handlers } = setUp();
    const check = await handlers.checkWords({
      text: '# 区教育局\n[赌博]\n澳门博彩\n成人视频\t色情\n[]\n',
    });
    expect(check.terms).toBe(2);
    expect(check.categories).toEqual(['赌博', '色情']);
    expect(check.problems.map((p) => p.line)).toEqual([5]);
  });

  it('offers the workbook for saving as 内容审查-<school>-<date>.xlsx', async () => {
    const { scans, handlers, draft } = setUp();
    const report = scanReport(SAMPLE_FINDINGS);
    scans.store.save(draft.id, report);
    const ref = { inspectionId: draft.id, scanId: report.id };
    const zh = await handlers.exportWorkbook({ ...ref, language: 'zh-CN' });
    expect(zh).toMatchObject({
      kind: 'download',
      fileName: `内容审查-${PROFILE.name}-2026-11-29.xlsx`,
    });
    const en = await handlers.exportWorkbook({ ...ref, language: 'en-US' });
    expect(en).toMatchObject({ fileName: `content-review-${PROFILE.name}-2026-11-29.xlsx` });
    await handlers.remove(ref);
    await expect(handlers.exportWorkbook({ ...ref, language: 'zh-CN' })).rejects.toMatchObject({
      code: 'scan-not-found',
    });
  });
});
