import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BYTES } from '../../../shared/template/limits';
import type { TemplateSummary } from '../../../shared/template/summary';
import { base64ToBytes, bytesToBase64 } from '../../../renderer/api/files';
import { useTemplatesStore } from '../../../renderer/stores/templates-store';
import { installFakeApi } from '../fake-api';
import { catchDownloads, TEMPLATE } from '../fixtures';

function summary(id: string, isDefault: boolean): TemplateSummary {
  return {
    id,
    version: '1.0',
    title: { 'zh-CN': id, 'en-US': id },
    issuer: { 'zh-CN': '教育局', 'en-US': 'Education bureau' },
    builtIn: !isDefault,
    isDefault,
    hash: 'b'.repeat(64),
    sections: 1,
    items: 3,
  };
}

type Answers = NonNullable<Parameters<typeof installFakeApi>[0]>['answers'];

/** Installed templates in memory; every call but the list is recorded with its input. */
function fakeNode(override: Answers = {}) {
  let list = [summary('built-in', true)];
  const calls: [string, unknown][] = [];
  installFakeApi({
    answers: {
      'templates:list': () => ({ ok: true, value: list }),
      'templates:get': (input) => {
        calls.push(['get', input]);
        return { ok: true, value: TEMPLATE };
      },
      'templates:import': (input) => {
        calls.push(['import', input]);
        list = [...list, summary('district', false)];
        return { ok: true, value: { status: 'imported', template: list.at(-1)! } };
      },
      'templates:export': (input) => {
        calls.push(['export', input]);
        return {
          ok: true,
          value: {
            fileName: 'built-in-1.0.xlsx',
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            dataBase64: bytesToBase64(new TextEncoder().encode('PK')),
          },
        };
      },
      'templates:setDefault': (input) => {
        calls.push(['setDefault', input]);
        const { id } = input as { id: string };
        list = list.map((s) => ({ ...s, isDefault: s.id === id }));
        return { ok: true, value: list };
      },
      ...override,
    },
  });
  return { calls };
}

const state = () => useTemplatesStore.getState();

describe('the templates store', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => {
    useTemplatesStore.setState({
      summaries: null,
      open: null,
      lastImport: null,
      busy: false,
      comparison: null,
    });
    downloads = catchDownloads();
  });
  afterEach(() => downloads.restore());

  it('lists the installed templates', async () => {
    fakeNode();
    await state().load();
    expect(state().summaries?.map((s) => s.id)).toEqual(['built-in']);
  });

  it('opens one template to read, and closes it', async () => {
    const node = fakeNode();
    await state().view({ id: TEMPLATE.id, version: TEMPLATE.version });
    expect(state().open).toBe(TEMPLATE);
    expect(node.calls).toEqual([['get', { id: TEMPLATE.id, version: TEMPLATE.version }]]);
    state().close();
    expect(state().open).toBeNull();
  });

  it('imports a file, is busy meanwhile, says what came in and lists it', async () => {
    const node = fakeNode();
    const importing = state().importFile(new File(['{"id":"district"}'], '区模板.json'));
    expect(state().busy).toBe(true);
    await importing;
    expect(state().busy).toBe(false);
    expect(state().lastImport).toEqual({
      kind: 'imported',
      fileName: '区模板.json',
      template: summary('district', false),
    });
    expect(state().summaries?.map((s) => s.id)).toEqual(['built-in', 'district']);
    const sent = node.calls[0]![1] as { fileName: string; dataBase64: string };
    expect(new TextDecoder().decode(base64ToBytes(sent.dataBase64))).toBe('{"id":"district"}');
    state().dismissImport();
    expect(state().lastImport).toBeNull();
  });

  it('lists every problem of a file that is not a valid template, and installs nothing', async () => {
    const problems = [{ path: '$.id', message: { 'zh-CN': '缺少编号', 'en-US': 'No id' } }];
    fakeNode({ 'templates:import': () => ({ ok: true, value: { status: 'invalid', problems } }) });
    await state().importFile(new File(['{}'], '坏的.json'));
    expect(state().lastImport).toEqual({ kind: 'invalid', fileName: '坏的.json', problems });
    expect(state().summaries).toBeNull();
  });

  it('refuses a file over 5 MB without reading or sending it', async () => {
    const node = fakeNode();
    const huge = new File(['{}'], '太大.xlsx');
    Object.defineProperty(huge, 'size', { value: MAX_TEMPLATE_BYTES + 1 });
    await state().importFile(huge);
    expect(state().lastImport).toEqual({
      kind: 'too-large',
      fileName: '太大.xlsx',
      size: MAX_TEMPLATE_BYTES + 1,
    });
    expect(node.calls).toEqual([]);
  });

  it('is not left busy when an import fails', async () => {
    fakeNode({
      'templates:import': () => ({
        ok: false,
        error: { code: 'template-exists', message: '已安装同一编号和版本的模板' },
      }),
    });
    await expect(state().importFile(new File(['{}'], 'x.json'))).rejects.toThrow('已安装');
    expect(state().busy).toBe(false);
    expect(state().lastImport).toBeNull();
  });

  it('exports a template as the file the Node side made', async () => {
    const node = fakeNode();
    await state().exportTemplate({ id: 'built-in', version: '1.0' }, 'xlsx');
    expect(node.calls).toEqual([['export', { id: 'built-in', version: '1.0', format: 'xlsx' }]]);
    expect(downloads.downloads.map((d) => d.name)).toEqual(['built-in-1.0.xlsx']);
    const { blob } = downloads.downloads[0]!;
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await blob.text()).toBe('PK');
  });

  it('makes another template the default and shows the list the Node side returns', async () => {
    fakeNode();
    await state().load();
    await state().importFile(new File(['{}'], 'd.json'));
    await state().setDefault({ id: 'district', version: '1.0' });
    expect(
      state()
        .summaries?.filter((s) => s.isDefault)
        .map((s) => s.id),
    ).toEqual(['district']);
  });

  describe('comparing versions', () => {
    const versions = ['2026.10', '2026.2', '2026.9'];
    const diffOf = (from: string, to: string) => ({
      from: { id: 'school', version: from, title: { 'zh-CN': '表', 'en-US': 'List' } },
      to: { id: 'school', version: to, title: { 'zh-CN': '表', 'en-US': 'List' } },
      same: true,
      sections: { added: [], removed: [], renamed: [] },
      items: { added: [], removed: [], changed: [] },
    });
    function twoVersions() {
      const calls: unknown[] = [];
      const list = [
        ...versions.map((version) => ({ ...summary('school', false), version })),
        summary('other', true),
      ];
      installFakeApi({
        answers: {
          'templates:list': () => ({ ok: true, value: list }),
          'templates:diff': (input) => {
            calls.push(input);
            const { from, to } = input as { from: { version: string }; to: { version: string } };
            return { ok: true, value: diffOf(from.version, to.version) };
          },
        },
      });
      return calls;
    }

    it('opens on a version and its previous one, in version order, and shows what the Node side found', async () => {
      const calls = twoVersions();
      await state().load();
      useTemplatesStore.setState({ open: TEMPLATE });
      await state().openCompare({ id: 'school', version: '2026.10' });
      expect(state().open).toBeNull();
      expect(state().comparison).toMatchObject({
        id: 'school',
        versions: ['2026.2', '2026.9', '2026.10'],
        from: '2026.9',
        to: '2026.10',
        diff: diffOf('2026.9', '2026.10'),
      });
      expect(calls).toEqual([
        { from: { id: 'school', version: '2026.9' }, to: { id: 'school', version: '2026.10' } },
      ]);
    });

    it('opens the oldest version against the next one; choosing asks nothing until compare', async () => {
      const calls = twoVersions();
      await state().load();
      await state().openCompare({ id: 'school', version: '2026.2' });
      expect(state().comparison).toMatchObject({ from: '2026.2', to: '2026.9' });
      state().choose('2026.2', '2026.10');
      expect(calls).toHaveLength(1);
      expect(state().comparison?.diff?.to.version).toBe('2026.9');
      await state().compare();
      expect(calls).toHaveLength(2);
      expect(state().comparison?.diff?.to.version).toBe('2026.10');
      state().closeCompare();
      expect(state().comparison).toBeNull();
    });
  });
});
