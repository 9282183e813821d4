import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { openCliServices } from '../../../electron/cli/services';
import {
  builtInTemplate,
  LATEST_BUILT_IN,
  templateHash,
} from '../../../electron/services/templates/template-store';
import { inspectionJson } from '../../../shared/inspection/canonical';
import { inspectionSchema } from '../../../shared/inspection/schema';
import { useTempDir } from '../temp-dir';

async function runIn(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const run = (...argv: string[]) => runIn({}, ...argv);

/** Every file of a folder, by name, as bytes. */
function contents(dir: string): Map<string, Buffer> {
  return new Map(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(dir, name))]),
  );
}

describe('qinglang demo', () => {
  const tempDir = useTempDir();

  it('writes N inspections of N schools as interchange JSON, and says so in one line', async () => {
    const dir = path.join(tempDir(), 'samples', 'nested');
    const { code, out, err } = await run('demo', '--out', dir, '--count', '12');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(
      new RegExp(
        `^已写入 12 份示例检查到 ${dir}（已签字 (\\d+) 份） / Wrote 12 sample inspections to ${dir} \\((\\d+) signed\\)$`,
      ),
    );

    const files = contents(dir);
    expect(files.size).toBe(12);
    const codes = new Set<string>();
    for (const [name, bytes] of files) {
      const text = bytes.toString('utf8');
      const inspection = inspectionSchema.parse(JSON.parse(text));
      expect(name).toBe(`${inspection.school.code}-2026-autumn.json`);
      expect(inspectionJson(inspection)).toBe(text);
      expect(inspection.template).toEqual({
        id: LATEST_BUILT_IN.id,
        version: LATEST_BUILT_IN.version,
        hash: templateHash(LATEST_BUILT_IN),
      });
      codes.add(inspection.school.code);
    }
    expect(codes.size).toBe(12);
  });

  it('writes byte-identical files for the same seed, signatures too; other files for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    expect((await run('demo', '--out', a, '--count', '8', '--seed', 's1')).code).toBe(0);
    expect((await run('demo', '--out', b, '--count', '8', '--seed', 's1')).code).toBe(0);
    expect((await run('demo', '--out', c, '--count', '8', '--seed', 's2')).code).toBe(0);
    expect(contents(b)).toEqual(contents(a));
    expect([...contents(a).values()].some((bytes) => bytes.includes('"signature"'))).toBe(true);
    expect([...contents(c).keys()]).not.toEqual([...contents(a).keys()]);
  });

  it('signs most samples, each school with its own key, and every signed one verifies', async () => {
    const dir = tempDir();
    const { out } = await run('demo', '--out', dir, '--count', '20');
    const inspections = [...contents(dir).values()].map((bytes) =>
      inspectionSchema.parse(JSON.parse(bytes.toString('utf8'))),
    );
    const signed = inspections.filter((i) => i.state === 'signed');
    expect(out).toContain(`（已签字 ${signed.length} 份）`);
    expect(signed.length).toBeGreaterThan(5);
    expect(inspections.some((i) => i.state === 'draft')).toBe(true);
    expect(new Set(signed.map((i) => i.signoff!.keyFingerprint)).size).toBe(signed.length);
    for (const [name, bytes] of contents(dir)) {
      const state = (JSON.parse(bytes.toString('utf8')) as { state: string }).state;
      const verified = await run('verify', path.join(dir, name));
      expect(verified.code, name).toBe(state === 'signed' ? 0 : 1);
      if (state !== 'signed')
        expect(verified.err).toMatch(/unsigned \((a draft|ready for sign-off)\)$/);
    }
  });

  it('leaves every sample a draft with --unsigned: the same samples, none handed over', async () => {
    const [signed, unsigned] = [tempDir(), tempDir()];
    await run('demo', '--out', signed, '--count', '10');
    const { code, out } = await run('demo', '--out', unsigned, '--count', '10', '--unsigned');
    expect(code).toBe(0);
    expect(out).toContain('（已签字 0 份）');
    expect([...contents(unsigned).keys()]).toEqual([...contents(signed).keys()]);
    for (const [name, bytes] of contents(unsigned)) {
      const inspection = inspectionSchema.parse(JSON.parse(bytes.toString('utf8')));
      expect(inspection.state).toBe('draft');
      expect(inspection.signoff).toBeUndefined();
      const verified = await run('verify', path.join(unsigned, name));
      expect(verified.code).toBe(1);
      expect(verified.err).toMatch(/未签字（草稿） \/ .*: unsigned \(a draft\)$/);
    }
  });

  it('is found out by verify when an answer or the signature is changed in a sample', async () => {
    const dir = tempDir();
    await run('demo', '--out', dir, '--count', '10');
    const [name, bytes] = [...contents(dir)].find(([, b]) => b.includes('"state": "signed"'))!;
    const inspection = inspectionSchema.parse(JSON.parse(bytes.toString('utf8')));
    const [itemId, answer] = Object.entries(inspection.answers).find(
      ([, a]) => a.value === 'compliant',
    )!;
    const changed = {
      ...inspection,
      answers: { ...inspection.answers, [itemId]: { ...answer, value: 'non-compliant' } },
    };
    fs.writeFileSync(path.join(dir, name), inspectionJson(inspectionSchema.parse(changed)));
    const afterEdit = await run('verify', path.join(dir, name));
    expect(afterEdit.code).toBe(1);
    expect(afterEdit.err).toMatch(/签字后内容被改动.* \/ .*: changed after signing/);

    const signature = inspection.signoff!.signature;
    const forged = {
      ...inspection,
      signoff: {
        ...inspection.signoff!,
        signature: `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`,
      },
    };
    fs.writeFileSync(path.join(dir, name), inspectionJson(forged));
    const afterForgery = await run('verify', path.join(dir, name));
    expect(afterForgery.code).toBe(1);
    expect(afterForgery.err).toMatch(/签名无效.* \/ .*: signature invalid/);
  });

  it('uses seed "qinglang" and 2026-11-30 unless told otherwise', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await run('demo', '--out', a, '--count', '3');
    await run('demo', '--out', b, '--count', '3', '--seed', 'qinglang', '--as-of', '2026-11-30');
    await run('demo', '--out', c, '--count', '3', '--as-of', '2027-04-01');
    expect(contents(b)).toEqual(contents(a));
    expect([...contents(c).keys()].every((n) => n.endsWith('-2027-spring.json'))).toBe(true);
  });

  it('replaces its own files on a second run and leaves no temporary file behind', async () => {
    const dir = tempDir();
    await run('demo', '--out', dir, '--count', '4');
    const first = contents(dir);
    const [name] = [...first.keys()];
    fs.writeFileSync(path.join(dir, name!), 'stale');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect((await run('demo', '--out', dir, '--count', '4')).code).toBe(0);
    const second = contents(dir);
    expect(second.get('notes.txt')?.toString()).toBe('mine');
    second.delete('notes.txt');
    expect(second).toEqual(first);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [
      ['--count', '0'],
      /--count 应为 1 到 1000 之间的整数.* \/ --count must be a whole number from 1 to 1000, not "0"/,
    ],
    [['--count', '1001'], /--count must be a whole number from 1 to 1000, not "1001"/],
    [['--count', 'ten'], /--count 应为 1 到 1000 之间的整数，而不是“ten”/],
    [['--count', '2.5'], /not "2\.5"/],
    [['--count=-3'], /--count must be a whole number from 1 to 1000, not "-3"/],
    [[], /请用 --count 指定份数.* \/ give the number of samples with --count/],
    [['--count', '3', '--as-of', '2026-02-30'], /--as-of 应为.* \/ --as-of must be a date/],
    [['--count', '3', '--as-of', '1999-12-31'], /--as-of must be a date/],
    [['--count', '3', '--seed', ''], /--seed 不能为空.* \/ --seed must not be empty/],
    [['--count', '3', '--signed'], /参数无效.*'--signed'.* \/ invalid arguments/],
  ])('%j is a usage error: exit 2, one bilingual line, nothing written', async (args, message) => {
    const dir = path.join(tempDir(), 'out');
    const { code, out, err } = await run('demo', '--out', dir, ...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/^qinglang: .* \/ /);
    expect(err).toMatch(message);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('fills the samples against another built-in or installed template with --template', async () => {
    const pinOf = (dir: string) =>
      [...contents(dir).values()].map(
        (bytes) => inspectionSchema.parse(JSON.parse(bytes.toString('utf8'))).template,
      );
    const older = tempDir();
    const run1 = await run(
      'demo',
      '--out',
      older,
      '--count',
      '3',
      '--template',
      'school_security@2026.1',
    );
    expect(run1.code).toBe(0);
    const v1 = builtInTemplate('2026.1');
    for (const pin of pinOf(older)) {
      expect(pin).toEqual({ id: v1.id, version: '2026.1', hash: templateHash(v1) });
    }

    const dataDir = tempDir();
    const env = { QINGLANG_DATA_DIR: dataDir };
    const district = { ...v1, id: 'district_2027', version: '1' };
    const services = openCliServices(env);
    services.templates.install(district);
    services.close();
    const theirs = tempDir();
    expect(
      (await runIn(env, 'demo', '--out', theirs, '--count', '2', '--template', 'district_2027@1'))
        .code,
    ).toBe(0);
    for (const pin of pinOf(theirs)) {
      expect(pin).toEqual({ id: 'district_2027', version: '1', hash: templateHash(district) });
    }
  });

  it.each([
    [
      'school_security',
      /--template 应为“编号@版本”.* \/ --template must be ID@VERSION, e\.g\. school_security@2026\.1, not "school_security"/,
    ],
    [
      'school_security@2099.1',
      /没有安装 school_security 的 2099\.1 版本.* \/ school_security version 2099\.1 is not installed or built in/,
    ],
  ])(
    '--template %s is a usage error: exit 2, one bilingual line, nothing written',
    async (name, message) => {
      const dir = path.join(tempDir(), 'out');
      const env = { QINGLANG_DATA_DIR: tempDir() };
      const { code, out, err } = await runIn(
        env,
        'demo',
        '--out',
        dir,
        '--count',
        '2',
        '--template',
        name,
      );
      expect({ code, out }).toEqual({ code: 2, out: '' });
      expect(err.split('\n')).toHaveLength(1);
      expect(err).toMatch(message);
      expect(fs.existsSync(dir)).toBe(false);
    },
  );

  it('needs --out', async () => {
    const { code, err } = await run('demo', '--count', '3');
    expect(code).toBe(2);
    expect(err).toBe(
      'qinglang: 请用 --out 指定输出文件夹（运行 qinglang demo --help 查看用法） / name the output folder with --out (see qinglang demo --help)',
    );
  });

  it('says in one line when the folder cannot be written, exit 1', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const { code, err } = await run('demo', '--out', path.join(blocker, 'x'), '--count', '2');
    expect(code).toBe(1);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/^qinglang: 无法写入“.*a-file\/x”（(ENOTDIR|EEXIST)） \/ cannot write/);
  });

  it('explains itself with --help, and is listed in the usage', async () => {
    const { code, out } = await run('demo', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^用法 Usage: qinglang demo --out DIR --count N/);
    expect(out).toMatch(/--unsigned\s+不签名：每份都是草稿/);
    expect(out).toMatch(/2026-11-30/);
    expect((await run('--help')).out).toMatch(/demo\s+生成示例检查/);
  });
});
