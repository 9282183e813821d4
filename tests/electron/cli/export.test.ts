import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeExportCommand } from '../../../electron/cli/commands/export';
import { runCli } from '../../../electron/cli/run';
import { dataPaths } from '../../../electron/services/data-layout';
import type { Sample } from '../../../electron/services/sample-data';
import { sampleData } from '../../../electron/services/sample-data';
import { packageVerified, verifyPackage } from '../../../electron/services/workbook/package-verify';
import { verifyWorkbook } from '../../../electron/services/workbook/workbook-verify';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { Inspection } from '../../../shared/inspection/schema';
import { packageFileName, workbookFileName } from '../../../shared/workbook/file-names';
import { referencedEvidence } from '../../../shared/workbook/manifest';
import { stubPrinter } from '../services/workbook/package-fixtures';
import { useTempDir } from '../temp-dir';

/** The export command with a stub printer: the real Chromium one is tested end to end. */
const COMMANDS = [makeExportCommand({ printer: () => stubPrinter() })];

async function run(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env };
  const code = await runCli(argv, io, COMMANDS);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Two signed inspections and a draft, of three schools. */
const SAMPLES: readonly Sample[] = [
  ...sampleData({ count: 2, seed: 'cli-export', asOf: '2026-11-30', signing: 'all' }),
  ...sampleData({ count: 1, seed: 'cli-export-draft', asOf: '2026-11-30', signing: 'none' }),
];
const SIGNED = SAMPLES[0]!;
const OTHER = SAMPLES[1]!;

describe('qinglang export', () => {
  const tempDir = useTempDir();

  function setUp() {
    const dir = tempDir();
    const env = { QINGLANG_DATA_DIR: path.join(dir, 'data'), PATH: process.env.PATH };
    const input = (inspection: Inspection, name = `${inspection.id}.json`) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, inspectionJson(inspection));
      return file;
    };
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(outDir);
    return { dir, env, input, outDir };
  }

  it.each([
    [['export', 'a.json'], /--out/],
    [['export', 'a.json', '--out', 'a.xlsx', '--out-dir', 'x'], /--out-dir, not both/],
    [['export', 'a.json', 'b.json', '--out', 'a.xlsx'], /use --out-dir; --out takes one/],
    [['export', 'a.json', '--out', 'a.pdf'], /must end in \.xlsx/],
    [['export', 'a.json', '--out', 'a.xlsx', '--package'], /must end in \.zip/],
    [['export', 'a.json', '--out', 'a.xlsx', '--lang', 'fr-FR'], /--lang must be zh-CN or en-US/],
    [['export', '--out', 'a.xlsx'], /expected 1 to 1000 argument/],
    [['export', 'a.json', '--out', 'a.xlsx', '--zip'], /invalid arguments/],
  ])('%j is a usage error: exit 2, one line, nothing written', async (argv, message) => {
    const { code, out, err } = await run({}, ...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });

  it('exports one signed inspection to the file named, in the data folder’s language', async () => {
    const { dir, env, input } = setUp();
    const out = path.join(dir, '报送.xlsx');
    const {
      code,
      out: stdout,
      err,
    } = await run(env, 'export', input(SIGNED.inspection), '--out', out);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const { school } = SIGNED.inspection;
    expect(stdout).toBe(`${out}: ${school.name}（${school.code}）2026 秋季学期`);
    const verified = verifyWorkbook(fs.readFileSync(out));
    expect(verified.check.status).toBe('signed');
    expect(verified.envelope?.language).toBe('zh-CN');
    expect(fs.readdirSync(dir).sort()).toEqual(
      ['data', 'out', path.basename(input(SIGNED.inspection)), '报送.xlsx'].sort(),
    );
  });

  it('exports several into a folder, one workbook each, named by school code and term', async () => {
    const { env, input, outDir } = setUp();
    const files = SAMPLES.map((s) => input(s.inspection));
    const { code, out, err } = await run(
      env,
      'export',
      ...files,
      '--out-dir',
      outDir,
      '--lang',
      'en-US',
    );
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const names = SAMPLES.map((s) => workbookFileName(s.inspection, 'en-US'));
    expect(fs.readdirSync(outDir).sort()).toEqual([...names].sort());
    expect(out.split('\n')).toHaveLength(SAMPLES.length);
    for (const sample of SAMPLES) {
      const { check, envelope } = verifyWorkbook(
        fs.readFileSync(path.join(outDir, workbookFileName(sample.inspection, 'en-US'))),
      );
      expect(envelope?.inspection.id).toBe(sample.inspection.id);
      expect(envelope?.language).toBe('en-US');
      expect(check.status).toBe(sample.inspection.state === 'signed' ? 'signed' : 'draft');
    }
    expect(out).toMatch(/ · 草稿 DRAFT/);
  });

  it('refuses two inputs that would get the same name before writing anything', async () => {
    const { env, input, outDir } = setUp();
    const first = input(SIGNED.inspection, 'first.json');
    const again = input(SIGNED.inspection, 'again.json');
    const other = input(OTHER.inspection);
    const { code, out, err } = await run(env, 'export', other, first, again, '--out-dir', outDir);
    expect(code).toBe(1);
    expect(out).toBe('');
    const name = workbookFileName(SIGNED.inspection, 'zh-CN');
    expect(err).toContain(`${first}、${again} 都会写成“${name}”`);
    expect(err).toContain(`${first}, ${again} would all be written as "${name}"`);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('refuses a folder that does not exist', async () => {
    const { dir, env, input } = setUp();
    const missing = path.join(dir, 'nowhere');
    const { code, err } = await run(env, 'export', input(SIGNED.inspection), '--out-dir', missing);
    expect(code).toBe(1);
    expect(err).toContain(`the output folder "${missing}" does not exist`);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('names each input that fails, with why, and still writes the rest: exit 1', async () => {
    const { dir, env, input, outDir } = setUp();
    const unknown = input(
      {
        ...OTHER.inspection,
        template: { ...OTHER.inspection.template, id: 'district_special', version: '2027.1' },
      },
      'unknown-template.json',
    );
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"format": ');
    const absent = path.join(dir, 'absent.json');
    const good = input(SIGNED.inspection);
    const { code, out, err } = await run(
      env,
      'export',
      unknown,
      broken,
      absent,
      good,
      '--out-dir',
      outDir,
    );
    expect(code).toBe(1);
    expect(err).toContain(`${unknown}：`);
    expect(err).toContain('district_special 2027.1');
    expect(err).toContain(`"${broken}" is not a valid UTF-8 JSON file`);
    expect(err).toContain(`cannot read "${absent}" (ENOENT)`);
    expect(out.split('\n')).toHaveLength(1);
    expect(fs.readdirSync(outDir)).toEqual([workbookFileName(SIGNED.inspection, 'zh-CN')]);
  });

  it('writes the submission package with --package, evidence from the data folder', async () => {
    const { env, input, outDir } = setUp();
    const paths = dataPaths(env.QINGLANG_DATA_DIR);
    for (const file of SIGNED.files) {
      fs.mkdirSync(path.dirname(paths.evidenceFile(file.sha256)), { recursive: true });
      fs.writeFileSync(paths.evidenceFile(file.sha256), file.bytes);
    }
    const { code, out, err } = await run(
      env,
      'export',
      input(SIGNED.inspection),
      '--out-dir',
      outDir,
      '--package',
    );
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const name = packageFileName(SIGNED.inspection, 'zh-CN');
    expect(fs.readdirSync(outDir)).toEqual([name]);
    expect(out).not.toMatch(/missing/);
    const result = verifyPackage(fs.readFileSync(path.join(outDir, name)));
    expect(packageVerified(result)).toBe(true);
    expect(result.missing).toEqual([]);
  });

  it('says how many evidence files were not on this computer, and still writes the package', async () => {
    const { dir, env, input } = setUp();
    const out = path.join(dir, 'package.zip');
    const result = await run(
      env,
      'export',
      input(SIGNED.inspection),
      '--out',
      out,
      '--package',
      '--lang',
      'en-US',
    );
    expect(result.code).toBe(0);
    const count = referencedEvidence(SIGNED.inspection).length;
    expect(result.out).toContain(
      `${count} evidence file(s) not on this computer, listed as missing in manifest.json`,
    );
    expect(verifyPackage(fs.readFileSync(out)).missing).toHaveLength(count);
  });

  it('explains itself with --help', async () => {
    const { code, out } = await run({}, 'export', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^用法 Usage: qinglang export FILE\.json\.\.\. \(--out FILE\.xlsx \| --out-dir DIR\)/,
    );
    expect(out).toContain('--package');
    expect(out).toContain('CHROMIUM_PATH');
  });
});
