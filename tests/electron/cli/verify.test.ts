import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { sampleData } from '../../../electron/services/sample-data';
import { inspectionJson } from '../../../shared/inspection/canonical';
import { groupFingerprint } from '../../../shared/inspection/fingerprint';
import { MAX_IMPORT_BYTES } from '../../../shared/inspection/patterns';
import type { Inspection } from '../../../shared/inspection/schema';
import { useTempDir } from '../temp-dir';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const [SIGNED] = sampleData({ count: 1, seed: 'verify', asOf: '2026-11-30', signing: 'all' }).map(
  (s) => s.inspection,
) as [Inspection];
const [DRAFT] = sampleData({ count: 1, seed: 'verify', asOf: '2026-11-30', signing: 'none' }).map(
  (s) => s.inspection,
) as [Inspection];
/** The signed sample as it was handed to the principal, before signing. */
const READY: Inspection = (() => {
  const ready = { ...SIGNED, state: 'ready' as const, audit: SIGNED.audit.slice(0, -1) };
  delete ready.signoff;
  return ready;
})();
const withState = (state: 'draft' | 'ready') => (state === 'draft' ? DRAFT : READY);

/** A copy to change: what a person with a text editor would do to the file. */
const copy = (inspection: Inspection) => JSON.parse(JSON.stringify(inspection)) as Inspection;

/** One bilingual failure line on stderr and nothing on stdout, exit 1. */
function expectFailure(result: Awaited<ReturnType<typeof run>>, file: string, message: RegExp) {
  expect(result.code).toBe(1);
  expect(result.out).toBe('');
  expect(result.err.split('\n')).toHaveLength(1);
  expect(result.err.startsWith(`qinglang: ${file}：`)).toBe(true);
  expect(result.err).toContain(` / ${file}: `);
  expect(result.err).toMatch(message);
}

describe('qinglang verify', () => {
  const tempDir = useTempDir();
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('accepts a signed, unchanged inspection: exit 0 and one line saying whose and when', async () => {
    const file = write('signed.json', inspectionJson(SIGNED));
    const { code, out, err } = await run('verify', file);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.split('\n')).toHaveLength(1);
    const { signoff, school } = SIGNED;
    expect(out).toBe(
      [
        `${file}: 签字有效，签字后未改动 / signed, unchanged since`,
        `${school.name}（${school.code}）`,
        '2026 秋季学期 / Autumn term 2026',
        `签字人 signer ${signoff!.signer}（校长）`,
        `签字时间 signed at ${signoff!.signedAt}`,
        `密钥指纹 key fingerprint ${groupFingerprint(signoff!.keyFingerprint)}`,
      ].join(' · '),
    );
    expect(out).toMatch(/key fingerprint ([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  });

  it('reads the file however it is laid out: compact, keys in another order, with a BOM', async () => {
    const reversed = JSON.stringify(SIGNED, (_key, value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect((await run('verify', write('compact.json', reversed))).code).toBe(0);
    const bom = Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(inspectionJson(SIGNED))]);
    expect((await run('verify', write('bom.json', bom))).code).toBe(0);
  });

  it('says the content changed after signing when one answer is changed', async () => {
    const tampered = copy(SIGNED);
    const [itemId, answer] = Object.entries(tampered.answers)[0]!;
    tampered.answers[itemId] = { ...answer, value: answer.value === 'na' ? 'compliant' : 'na' };
    const file = write('changed.json', inspectionJson(tampered));
    expectFailure(await run('verify', file), file, /签字后内容被改动.* \/ .*changed after signing/);
  });

  it.each<[string, (i: Inspection) => void]>([
    [
      'its signature',
      (i) => {
        const s = i.signoff!.signature;
        i.signoff!.signature = `${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`;
      },
    ],
    ['its recorded hash', (i) => void (i.signoff!.contentHash = 'f'.repeat(64))],
    ['its fingerprint', (i) => void (i.signoff!.keyFingerprint = '0'.repeat(64))],
  ])('says the signature is invalid when %s is altered', async (_what, alter) => {
    const tampered = copy(SIGNED);
    alter(tampered);
    const file = write('invalid.json', inspectionJson(tampered));
    expectFailure(await run('verify', file), file, /签名无效.* \/ .*signature invalid/);
  });

  it('says a draft or a ready inspection is unsigned', async () => {
    const draft = write('draft.json', inspectionJson(withState('draft')));
    expectFailure(await run('verify', draft), draft, /未签字（草稿） \/ .*unsigned \(a draft\)$/);
    const ready = write('ready.json', inspectionJson(withState('ready')));
    expectFailure(
      await run('verify', ready),
      ready,
      /未签字（待校长签字） \/ .*unsigned \(ready for sign-off\)$/,
    );
  });

  it('reads a qinglang-inspection/1 file; "signed" in one has no signature to verify', async () => {
    const v1 = copy(withState('draft')) as Partial<Inspection> & Record<string, unknown>;
    v1.format = 'qinglang-inspection/1' as Inspection['format'];
    delete v1.reopened;
    const draft = write('v1.json', JSON.stringify(v1));
    expectFailure(await run('verify', draft), draft, /unsigned \(a draft\)$/);
    const claimed = write('v1-signed.json', JSON.stringify({ ...v1, state: 'signed' }));
    expectFailure(
      await run('verify', claimed),
      claimed,
      /标明已签字，但没有可验证的签名 \/ .*marked signed, but it carries no signature to verify$/,
    );
  });

  it.each<[string, string | Buffer, RegExp]>([
    ['empty.json', '', /不是检查文件：文件是空的 \/ .*not an inspection file: the file is empty$/],
    ['blank.json', '  \n', /the file is empty$/],
    [
      'broken.json',
      '{\n  "format": "qinglang-inspection/2",\n  "id": }',
      /不是有效的 JSON（第 3 行第 9 列） \/ .*not valid JSON \(line 3, column 9\)$/,
    ],
    ['cut.json', '{"format": "qinglang-inspection/2"', /the file ends too early/],
    [
      'gbk.json',
      Buffer.from([0x7b, 0x22, 0xc7, 0xe5, 0xc0, 0xca, 0x22, 0x7d]),
      /不是 UTF-8 编码的文本.* \/ .*not UTF-8 text/,
    ],
    [
      'template.json',
      '{"format":"qinglang-template/2","id":"school_security"}',
      /格式为 "qinglang-template\/2"，应为 qinglang-inspection\/2 或 qinglang-inspection\/1 \/ .*its format is "qinglang-template\/2", not qinglang-inspection\/2/,
    ],
    [
      'newer.json',
      '{"format":"qinglang-inspection/3"}',
      /比本程序新，请升级后再验证 \/ .*newer than this app; upgrade to verify it$/,
    ],
    ['no-format.json', '{"id":"x"}', /it has no format \(qinglang-inspection\/2 expected\)$/],
    ['array.json', '[1, 2]', /not an inspection file: \$: /],
    ['null.json', 'null', /not an inspection file: \$: /],
  ])('says %s is not an inspection file, and why', async (name, content, message) => {
    const file = write(name, content);
    expectFailure(await run('verify', file), file, message);
  });

  it('names the first problem of a malformed inspection, and where it is', async () => {
    const broken = copy(SIGNED) as unknown as { school: { code: string }; period: unknown };
    broken.school.code = '学校';
    broken.period = { year: 1999, term: 'winter' };
    const file = write('malformed.json', JSON.stringify(broken));
    expectFailure(
      await run('verify', file),
      file,
      /不是检查文件：\$\.school\.code：.*（另有 2 处问题） \/ .*not an inspection file: \$\.school\.code: .* \(and 2 more\)$/,
    );
  });

  describe('hostile files', () => {
    it('refuses a file over 20 MB before reading it', async () => {
      const file = path.join(tempDir(), 'huge.json');
      fs.writeFileSync(file, '');
      // Sparse: 30 MB long, no 30 MB written; it is refused on its size alone.
      fs.truncateSync(file, 30 * 1024 * 1024);
      expectFailure(
        await run('verify', file),
        file,
        /文件太大（30\.0 MB 以上），检查文件最大 20 MB \/ .*is too large \(30\.0 MB or more\); an inspection file is at most 20 MB$/,
      );
      const edge = path.join(tempDir(), 'edge.json');
      fs.writeFileSync(edge, '');
      fs.truncateSync(edge, MAX_IMPORT_BYTES);
      // Exactly at the limit it is read (and found to be no JSON: zero bytes are not text).
      expectFailure(await run('verify', edge), edge, /not an inspection file/);
    });

    it('says a folder is not a file, and a missing file is missing', async () => {
      const dir = tempDir();
      expectFailure(
        await run('verify', dir),
        dir,
        /这是文件夹，不是文件 \/ .*is a folder, not a file$/,
      );
      const missing = path.join(dir, 'nowhere.json');
      expectFailure(await run('verify', missing), missing, /文件不存在 \/ .*no such file$/);
    });

    it('reads binary garbage as not UTF-8', async () => {
      const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
      const file = write('garbage.bin', garbage);
      expectFailure(await run('verify', file), file, /not an inspection file: not UTF-8 text/);
    });

    it('stops at nesting deeper than 64 levels, without exhausting the stack', async () => {
      const file = write('deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
      expectFailure(
        await run('verify', file),
        file,
        /not an inspection file: \$: nested more than 64 levels deep$/,
      );
    });

    it('names a __proto__ key and where it is, never dropping it silently', async () => {
      const text = inspectionJson(SIGNED).replace('"answers": {', '"answers": {"__proto__": {},');
      const file = write('proto.json', text);
      expectFailure(
        await run('verify', file),
        file,
        /\$\.answers\.__proto__：键名 “__proto__” 无法作为数据保存.* \/ .*\$\.answers\.__proto__: a key named "__proto__" cannot be kept as data/,
      );
    });

    it('answers every file of the hostile corpus with one bilingual line, exit 1', async () => {
      const corpus = path.resolve(import.meta.dirname, '../../fixtures/hostile');
      for (const name of fs.readdirSync(corpus)) {
        const file = path.join(corpus, name);
        const result = await run('verify', file);
        expect(result.code, name).toBe(1);
        expect(result.err.split('\n'), name).toHaveLength(1);
        expect(result.err, name).toMatch(/^qinglang: .*：.* \/ .*: /);
      }
    });
  });

  describe('usage', () => {
    it.each([[[]], [['a.json', 'b.json']], [['a.json', '--lang', 'en']]])(
      '%j is a usage error: exit 2, one line',
      async (args) => {
        const { code, out, err } = await run('verify', ...args);
        expect(code).toBe(2);
        expect(out).toBe('');
        expect(err.split('\n')).toHaveLength(1);
        expect(err).toMatch(/^qinglang: .* \/ .*\(see qinglang verify --help\)$/);
      },
    );

    it('explains itself with --help, and is listed in the usage', async () => {
      const { code, out } = await run('verify', '--help');
      expect(code).toBe(0);
      expect(out).toMatch(/^用法 Usage: qinglang verify FILE\.json \| FILE\.xlsx \| FILE\.zip\n/);
      expect(out).toMatch(/exit 0 when signed and unchanged since/);
      expect((await run('--help')).out).toMatch(/verify\s+验证检查文件/);
    });
  });
});
