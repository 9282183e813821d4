import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AppCore } from '../../../electron/ipc/app-core';
import { openAppCore } from '../../../electron/ipc/app-core';
import { confStoreFactory } from '../../../electron/services/json-store';
import { silentLogger } from '../../../electron/services/logger';
import { serializeTemplate } from '../../../electron/services/templates/template-files';
import { LATEST_BUILT_IN } from '../../../electron/services/templates/template-store';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { Inspection } from '../../../shared/inspection/schema';
import type { IpcResult } from '../../../shared/ipc/define';
import { createRandom } from '../../../shared/random';
import { otherTemplate } from '../services/inspection-fixtures';
import { demo, INSPECTOR, PROFILE } from '../services/inspection-fixtures';
import { randomChanges } from './crash-changes';
import { writeWorkbook } from '../../../electron/services/workbook/workbook-write';
import { workbookModel } from '../../../shared/workbook/model';
import { SAMPLE_FINDINGS, scanReport } from '../services/scan/scan-fixtures';

/** A data folder with something in every corner, and the door to it. */
export interface World {
  readonly dataDir: string;
  readonly core: AppCore;
  /** Known-good inputs for each channel, by wire name. */
  readonly examples: Readonly<Record<string, readonly unknown[]>>;
  /** Values of the right sort found in the folder (ids, hashes, item and row ids), to swap in. */
  readonly known: readonly unknown[];
}

const NOW = new Date('2026-11-29T08:30:00.000Z');
const base64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');

/**
 * Opens the real services through openAppCore on a fresh folder: the school profile set, three
 * inspections (one of them in the trash), a second template installed, a stored evidence file and
 * a backup. The examples name these, so a mutated example reaches deep into each handler.
 */
export async function openWorld(dataDir: string): Promise<World> {
  const core = openAppCore({
    dataDir,
    version: '0.0.0-fuzz',
    shell: 'browser',
    storeFactory: confStoreFactory,
    log: silentLogger,
    now: () => NOW,
  });
  const { services } = core;
  services.settings.update({ profile: PROFILE, inspector: INSPECTOR, language: 'zh-CN' });
  const [live, other, binned] = demo(3, 'ipc-fuzz') as [Inspection, Inspection, Inspection];
  services.inspections.add([live, other, binned]);
  services.inspections.trash(binned.id);
  const second = services.templates.install(otherTemplate());
  const evidence = await services.evidence.addStream(
    Readable.from([Buffer.from('\x89PNG\r\n\x1a\n fuzz')]),
    '照片.png',
    'image/png',
  );
  const backup = services.backups.create('manual');
  const workbook = writeWorkbook(workbookModel(live, LATEST_BUILT_IN, 'zh-CN', '0.0.0-fuzz'));
  const opened = await core.dispatch('workbooks:open', {
    fileName: '检查工作簿.xlsx',
    dataBase64: base64(workbook),
  });
  // (Fuzzing open keeps only the 20 latest, so get and report mostly meet a forgotten key.)
  const shown = opened.ok ? (opened.value as { opened: boolean; key?: string }) : null;
  const openedKey = shown?.opened ? (shown.key ?? 'not-opened') : 'not-opened';
  const ref = { id: LATEST_BUILT_IN.id, version: LATEST_BUILT_IN.version };
  const ref2 = { id: second.id, version: second.version };
  const period = { year: 2027, term: 'spring' };
  const changes = [1, 2, 3, 4, 5].map((n) =>
    randomChanges(
      LATEST_BUILT_IN,
      live,
      createRandom(`ipc-fuzz/${n}`),
      NOW.toISOString(),
      new Map(),
    ),
  );
  const templateJson = serializeTemplate(otherTemplate('2027.9'), 'json');
  // The bureau's side holds that workbook as a received submission, so remove, review and
  // saveFeedback reach a real one; the school's side is offered a feedback file about it.
  await core.dispatch('bureau:addFile', {
    fileName: '收到/检查工作簿.xlsx',
    dataBase64: base64(workbook),
  });
  const received = createHash('sha256').update(workbook).digest('hex');
  const itemId = Object.keys(live.answers)[0] ?? 'org_leading_group';
  const feedback = {
    format: 'qinglang-feedback/1',
    bureau: { name: '清朗区教育局', district: '清朗区' },
    inspection: {
      id: live.id,
      schoolCode: live.school.code,
      schoolName: live.school.name,
      period: live.period,
      contentHash: live.signoff?.contentHash ?? received,
      signedAt: live.signoff?.signedAt ?? NOW.toISOString(),
    },
    decision: 'returned',
    comment: '请补充佐证材料后重新报送。',
    items: [{ itemId, comment: '缺少任命文件。' }],
    reviewer: '王老师',
    reviewedAt: NOW.toISOString(),
  };
  const feedbackBytes = Buffer.from(JSON.stringify(feedback));
  // A saved scan of the live inspection (get, mark, attach, export and remove reach a real one),
  // and a small folder chosen to scan (start runs a real scan of it).
  const scan = scanReport(SAMPLE_FINDINGS);
  services.scans.store.save(live.id, scan);
  const siteDir = path.join(dataDir, 'fuzz-site');
  fs.mkdirSync(siteDir, { recursive: true });
  fs.writeFileSync(path.join(siteDir, 'index.html'), '<p>联系电话 13812345678</p>');
  const folder = services.scans.runs.registerFolder(siteDir, 'site');
  const scanRef = { inspectionId: live.id, scanId: scan.id };
  const runId = '6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f';
  const examples: Record<string, unknown[]> = {
    'app:info': [undefined],
    'app:logRendererError': [
      { message: 'TypeError: x is undefined', stack: 'at walk (walk.tsx:1:1)', where: 'walk' },
      { message: '出错了' },
    ],
    'settings:get': [undefined],
    'settings:set': [
      { language: 'zh-CN' },
      { profile: PROFILE },
      { inspector: '王芳', defaultTemplate: ref },
      { defaultTemplate: ref2 },
    ],
    'templates:list': [undefined],
    'templates:get': [ref, ref2],
    'templates:import': [
      { fileName: '区模板.json', dataBase64: base64(templateJson) },
      {
        fileName: 'district.xlsx',
        dataBase64: base64(serializeTemplate(otherTemplate('2027.8'), 'xlsx')),
      },
    ],
    'templates:export': [
      { ...ref, format: 'json' },
      { ...ref2, format: 'xlsx' },
    ],
    'templates:setDefault': [ref, ref2],
    'templates:diff': [
      { from: ref, to: ref2 },
      { from: ref2, to: ref },
    ],
    'inspections:list': [undefined],
    'inspections:get': [{ id: live.id }, { id: other.id }],
    'inspections:create': [
      { period, inspector: '李明' },
      { template: ref2, period, inspector: '王芳' },
    ],
    'inspections:duplicate': [
      { sourceId: live.id, period, inspector: '李明', withAnswers: true },
      { sourceId: other.id, template: ref2, period, inspector: '王芳', withAnswers: false },
    ],
    'inspections:update': changes.map((list) => ({ id: live.id, changes: list })),
    'inspections:trash': [{ id: other.id }],
    'inspections:restore': [{ id: binned.id }],
    'inspections:purge': [{ id: binned.id }],
    'inspections:export': [{ id: live.id }, { id: binned.id }],
    'inspections:import': [
      {
        fileName: 'qinglang-3101010001-2026-autumn.json',
        dataBase64: base64(inspectionJson(live)),
      },
    ],
    'inspections:loadSample': [undefined],
    'actions:list': [undefined],
    'evidence:pick': [undefined],
    'evidence:add': [
      { name: '签名.png', dataBase64: base64(Buffer.from('\x89PNG\r\n\x1a\n drawn')) },
    ],
    'evidence:read': [{ sha256: evidence.sha256 }],
    'signoff:sign': [
      {
        id: live.id,
        request: {
          signer: '王校长',
          title: '校长',
          date: '2026-11-29',
          method: 'drawn',
          image: evidence,
        },
      },
      {
        id: other.id,
        request: {
          signer: '王校长',
          title: '校长',
          date: '2026-11-28',
          comment: '同意。',
          method: 'paper',
          image: evidence,
        },
      },
    ],
    'signoff:reopen': [{ id: live.id, reason: '补充佐证材料' }],
    'signoff:check': [{ id: live.id }, { id: binned.id }],
    'signoff:key': [undefined],
    'signoff:replaceKey': [undefined],
    // No printer in this world: pdf answers pdf-unavailable after building the report.
    'reports:html': [
      { id: live.id, language: 'zh-CN' },
      { id: other.id, language: 'en-US' },
    ],
    'reports:pdf': [{ id: live.id, language: 'zh-CN' }],
    // Nor a saver: save answers export-failed after making the file; nothing is shown.
    'exports:save': [
      { id: live.id, language: 'zh-CN', kind: 'workbook' },
      { id: other.id, language: 'en-US', kind: 'package' },
    ],
    'exports:showInFolder': [{ path: path.join(dataDir, 'settings.json') }],
    // A workbook of the live inspection, opened once so that get and report reach a real one;
    // a text file named .xlsx is refused with its reason.
    'workbooks:open': [
      { fileName: '检查工作簿.xlsx', dataBase64: base64(workbook) },
      { fileName: 'notes.xlsx', dataBase64: base64('这不是工作簿') },
    ],
    'workbooks:get': [{ key: openedKey }],
    'workbooks:report': [
      { key: openedKey, language: 'zh-CN' },
      { key: openedKey, language: 'en-US' },
    ],
    'workbooks:close': [{ key: openedKey }],
    'bureau:state': [undefined],
    'bureau:counts': [undefined],
    'bureau:addFile': [
      { fileName: '收到/检查工作簿.xlsx', dataBase64: base64(workbook) },
      { fileName: 'notes.xlsx', dataBase64: base64('这不是工作簿') },
    ],
    'bureau:remove': [{ sha256: received }],
    'bureau:review': [
      {
        sha256: received,
        decision: 'returned',
        comment: '请补充佐证材料。',
        items: [{ itemId, comment: '缺少任命文件。' }],
        reviewer: '王老师',
      },
      { sha256: received, decision: 'accepted', comment: '', items: [], reviewer: '王老师' },
    ],
    'bureau:saveFeedback': [{ sha256: received, language: 'zh-CN' }],
    'bureau:loadSchools': [
      {
        fileName: '学校名单.csv',
        dataBase64: base64(
          `学校标识码,学校名称,所属区县,学段\n${live.school.code},测试学校,清朗区,小学\n`,
        ),
      },
    ],
    'bureau:clearSchools': [undefined],
    'bureau:clearRejected': [undefined],
    'bureau:exportSummary': [
      { language: 'zh-CN', allowDrafts: true },
      { language: 'en-US', allowDrafts: false },
    ],
    'bureauReviews:import': [
      { fileName: '教育局意见.qinglang-feedback.json', dataBase64: base64(feedbackBytes) },
    ],
    'bureauReviews:list': [{ id: live.id }],
    'bureauReviews:latest': [undefined],
    'bureauReviews:dismiss': [
      { id: live.id, sha256: createHash('sha256').update(feedbackBytes).digest('hex') },
    ],
    'scan:pickFolder': [undefined],
    'scan:checkWords': [{ text: '# 注释\n[赌博]\n澳门博彩\n成人视频\t色情\n' }, { text: '' }],
    'scan:start': [
      {
        inspectionId: live.id,
        source: { kind: 'folder', token: folder.token },
        ownHosts: ['www.school.edu.cn'],
        words: { name: '敏感词.txt', text: '澳门博彩\t赌博\n' },
      },
      {
        inspectionId: other.id,
        source: { kind: 'folder', token: folder.token },
        ownHosts: [],
        words: null,
      },
    ],
    'scan:status': [{ runId }],
    'scan:cancel': [{ runId }],
    'scan:list': [{ inspectionId: live.id }, { inspectionId: binned.id }],
    'scan:get': [scanRef],
    'scan:mark': [
      { ...scanRef, findingIds: [SAMPLE_FINDINGS[0]!.id], state: 'fixed' },
      { ...scanRef, findingIds: SAMPLE_FINDINGS.map((f) => f.id), state: 'false-positive' },
    ],
    'scan:attach': [
      { ...scanRef, language: 'zh-CN' },
      { ...scanRef, language: 'en-US' },
    ],
    'scan:exportWorkbook': [{ ...scanRef, language: 'zh-CN' }],
    'scan:remove': [scanRef],
    'backups:list': [undefined],
    'backups:create': [undefined],
    'backups:restore': [{ id: backup.id }],
  };
  const rows = Object.values(live.registers).flat();
  const known = [
    ...[live, other, binned].map((i) => i.id),
    evidence.sha256,
    backup.id,
    ...Object.values(ref),
    ...Object.values(ref2),
    ...Object.keys(live.answers).slice(0, 5),
    ...Object.keys(live.registers),
    ...rows.slice(0, 5).map((r) => r.id),
    ...rows.slice(0, 2).flatMap((r) => Object.keys(r.cells)),
    ...live.actions.slice(0, 3).map((a) => a.id),
    received,
    period,
    ref,
    scan.id,
    folder.token,
    ...SAMPLE_FINDINGS.map((f) => f.id),
  ];
  return { dataDir, core, examples, known };
}

/** Every file under a folder, as paths relative to it. */
export function filesUnder(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(path.join(dir, entry.name), rel) : [rel];
  });
}

/**
 * What is wrong with the folder after the fuzzing, opened afresh as at the next start: files set
 * aside, notices to show, a list that does not answer. Empty when all is well.
 */
export async function folderProblems(dataDir: string): Promise<string[]> {
  const problems = filesUnder(dataDir)
    .filter((name) => name.includes('.corrupt-'))
    .map((name) => `set aside: ${name}`);
  const core = openAppCore({
    dataDir,
    version: '0.0.0-fuzz',
    shell: 'browser',
    storeFactory: confStoreFactory,
    log: silentLogger,
  });
  const listed = (await core.dispatch('inspections:list', undefined)) as IpcResult<unknown[]>;
  if (!listed.ok) problems.push(`inspections:list: ${listed.error.code}`);
  const info = (await core.dispatch('app:info', undefined)) as IpcResult<{ notices: unknown[] }>;
  if (!info.ok) problems.push(`app:info: ${info.error.code}`);
  else if (info.value.notices.length > 0)
    problems.push(`notices: ${JSON.stringify(info.value.notices)}`);
  return problems;
}
