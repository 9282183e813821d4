import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InspectionSummary } from '../../../shared/inspection/listing';
import { MAX_IMPORT_BYTES } from '../../../shared/inspection/patterns';
import { base64ToBytes } from '../../../renderer/api/files';
import { useInspectionsStore } from '../../../renderer/stores/inspections-store';
import { installFakeApi, PROFILE } from '../fake-api';
import { catchDownloads } from '../fixtures';

const A = '7d0c1f4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const B = '9a1b2c3d-2a61-4c1a-9a5e-1f0e8c7d6b5a';
const TEMPLATE_REF = { id: 'school-security', version: '2026.1' };

function summary(id: string, term: 'spring' | 'autumn'): InspectionSummary {
  return {
    id,
    school: { name: PROFILE.name, code: PROFILE.code },
    period: { year: 2026, term },
    inspector: '李明',
    template: { ...TEMPLATE_REF, hash: 'a'.repeat(64) },
    templateTitle: { 'zh-CN': '校园网络安全检查', 'en-US': 'School network security' },
    state: 'draft',
    createdAt: '2026-11-29T08:00:00.000Z',
    updatedAt: '2026-11-29T08:00:00.000Z',
    figures: null,
  };
}

type Answers = NonNullable<Parameters<typeof installFakeApi>[0]>['answers'];

/** The Node side's list in memory; every call is recorded with its input. */
function fakeNode(override: Answers = {}) {
  let list: InspectionSummary[] = [summary(A, 'spring')];
  const calls: [string, unknown][] = [];
  const record = (channel: string, then: (input: unknown) => unknown) => (input: unknown) => {
    calls.push([channel, input]);
    return { ok: true as const, value: then(input) };
  };
  installFakeApi({
    answers: {
      'inspections:list': () => ({ ok: true, value: list }),
      'inspections:create': record('create', () => {
        list = [...list, summary(B, 'autumn')];
        return list.at(-1);
      }),
      'inspections:duplicate': record('duplicate', () => {
        list = [...list, summary(B, 'autumn')];
        return { summary: list.at(-1), leftBehind: [] };
      }),
      'inspections:trash': record('trash', (input) => {
        const { id } = input as { id: string };
        list = list.map((s) => (s.id === id ? { ...s, trashedAt: '2026-11-30T08:00:00.000Z' } : s));
        return null;
      }),
      'inspections:restore': record('restore', (input) => {
        const { id } = input as { id: string };
        list = list.map((s) => {
          const back = { ...s };
          if (s.id === id) delete back.trashedAt;
          return back;
        });
        return null;
      }),
      'inspections:purge': record('purge', (input) => {
        list = list.filter((s) => s.id !== (input as { id: string }).id);
        return null;
      }),
      'inspections:export': record('export', () => ({
        fileName: '2026年春季学期-示例第一中学.json',
        text: '{"format":"qinglang-inspection/1"}',
      })),
      'inspections:import': record('import', () => {
        list = [...list, summary(B, 'autumn')];
        return { status: 'imported', summary: list.at(-1), renamed: true };
      }),
      'inspections:loadSample': record('loadSample', () => {
        list = [summary(A, 'spring'), summary(B, 'autumn')];
        return list;
      }),
      ...override,
    },
  });
  return { calls, list: () => list };
}

const ids = () => useInspectionsStore.getState().summaries?.map((s) => s.id);

describe('the inspections store', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => {
    useInspectionsStore.setState({ summaries: null, lastImport: null, lastDuplicate: null });
    downloads = catchDownloads();
  });
  afterEach(() => downloads.restore());

  it('lists what the Node side holds', async () => {
    fakeNode();
    await useInspectionsStore.getState().load();
    expect(ids()).toEqual([A]);
  });

  it('creates a blank inspection, or one started from an earlier one, and lists it', async () => {
    const node = fakeNode();
    const period = { year: 2026, term: 'autumn' } as const;
    const made = await useInspectionsStore
      .getState()
      .create({ template: TEMPLATE_REF, period, inspector: '李明' });
    expect(made.id).toBe(B);
    expect(ids()).toEqual([A, B]);
    const copy = await useInspectionsStore
      .getState()
      .create({ period, inspector: '李明', sourceId: A });
    expect(copy.id).toBe(B);
    expect(node.calls).toEqual([
      ['create', { template: TEMPLATE_REF, period, inspector: '李明' }],
      ['duplicate', { period, inspector: '李明', sourceId: A, withAnswers: false }],
    ]);
    // Nothing was left behind: nothing to report.
    expect(useInspectionsStore.getState().lastDuplicate).toBeNull();
  });

  it('keeps what a duplicate left behind until dismissed or the next inspection is made', async () => {
    const leftBehind = [
      {
        itemId: 'old_item',
        item: { 'zh-CN': '旧的一项', 'en-US': 'An old item' },
        reason: 'removed',
      },
    ];
    fakeNode({
      'inspections:duplicate': () => ({
        ok: true,
        value: { summary: summary(B, 'autumn'), leftBehind },
      }),
    });
    const period = { year: 2026, term: 'autumn' } as const;
    const store = useInspectionsStore.getState();
    await store.create({ period, inspector: '李明', sourceId: A });
    expect(useInspectionsStore.getState().lastDuplicate).toEqual({
      summary: summary(B, 'autumn'),
      leftBehind,
    });
    store.dismissDuplicate();
    expect(useInspectionsStore.getState().lastDuplicate).toBeNull();
    await store.create({ period, inspector: '李明', sourceId: A });
    await store.create({ period, inspector: '李明' });
    expect(useInspectionsStore.getState().lastDuplicate).toBeNull();
  });

  it('moves an inspection to the trash and back, and deletes it for good', async () => {
    const node = fakeNode();
    await useInspectionsStore.getState().trash(A);
    expect(useInspectionsStore.getState().summaries?.[0]?.trashedAt).toBeDefined();
    await useInspectionsStore.getState().restore(A);
    expect(useInspectionsStore.getState().summaries?.[0]?.trashedAt).toBeUndefined();
    await useInspectionsStore.getState().purge(A);
    expect(ids()).toEqual([]);
    expect(node.calls.map(([channel]) => channel)).toEqual(['trash', 'restore', 'purge']);
  });

  it('exports an inspection as a JSON download named by the Node side', async () => {
    fakeNode();
    const name = await useInspectionsStore.getState().exportFile(A);
    expect(name).toBe('2026年春季学期-示例第一中学.json');
    expect(downloads.downloads.map((d) => d.name)).toEqual([name]);
    const { blob } = downloads.downloads[0]!;
    expect(blob.type).toBe('application/json;charset=utf-8');
    expect(await blob.text()).toBe('{"format":"qinglang-inspection/1"}');
  });

  it('imports a file, says it came in as a copy, and lists it', async () => {
    const node = fakeNode();
    const text = '{"format":"qinglang-inspection/1","id":"…"}';
    await useInspectionsStore.getState().importFile(new File([text], '检查.json'));
    expect(useInspectionsStore.getState().lastImport).toEqual({
      kind: 'imported',
      fileName: '检查.json',
      renamed: true,
    });
    expect(ids()).toEqual([A, B]);
    const sent = node.calls[0]![1] as { fileName: string; dataBase64: string };
    expect(sent.fileName).toBe('检查.json');
    expect(new TextDecoder().decode(base64ToBytes(sent.dataBase64))).toBe(text);
    useInspectionsStore.getState().dismissImport();
    expect(useInspectionsStore.getState().lastImport).toBeNull();
  });

  it('lists every problem of a file that is not an inspection', async () => {
    const problems = [
      { path: '$.format', message: { 'zh-CN': '格式不对', 'en-US': 'Wrong format' } },
    ];
    fakeNode({
      'inspections:import': () => ({ ok: true, value: { status: 'invalid', problems } }),
    });
    await useInspectionsStore.getState().importFile(new File(['{}'], 'x.json'));
    expect(useInspectionsStore.getState().lastImport).toEqual({
      kind: 'invalid',
      fileName: 'x.json',
      problems,
    });
  });

  it('refuses a file over the limit without reading or sending it', async () => {
    const node = fakeNode();
    const huge = new File(['{}'], '太大.json');
    Object.defineProperty(huge, 'size', { value: MAX_IMPORT_BYTES + 1 });
    await useInspectionsStore.getState().importFile(huge);
    expect(useInspectionsStore.getState().lastImport).toEqual({
      kind: 'too-large',
      fileName: '太大.json',
    });
    expect(node.calls).toEqual([]);
  });

  it('loads the sample school’s inspections', async () => {
    fakeNode();
    await useInspectionsStore.getState().loadSample();
    expect(ids()).toEqual([A, B]);
  });

  it('keeps the list as it was when a change is refused', async () => {
    fakeNode({
      'inspections:trash': () => ({
        ok: false,
        error: { code: 'inspection-not-found', message: '找不到这份检查' },
      }),
    });
    await useInspectionsStore.getState().load();
    await expect(useInspectionsStore.getState().trash(A)).rejects.toThrow('找不到这份检查');
    expect(useInspectionsStore.getState().summaries?.[0]?.trashedAt).toBeUndefined();
  });
});
