import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { inspectionJson } from '../../../shared/inspection/canonical';
import type { Inspection } from '../../../shared/inspection/schema';
import { demo } from '../services/inspection-fixtures';
import { useTempDir } from '../temp-dir';

async function run(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('qinglang report', () => {
  const tempDir = useTempDir();

  function setUp(inspection: Inspection = demo(1, 'cli-report')[0]!) {
    const dir = tempDir();
    const file = path.join(dir, 'inspection.json');
    fs.writeFileSync(file, inspectionJson(inspection));
    const env = { QINGLANG_DATA_DIR: path.join(dir, 'data'), PATH: process.env.PATH };
    return { dir, file, env, inspection };
  }

  it.each([
    [['report', 'a.json'], /--out/],
    [['report', 'a.json', '--out', 'a.txt'], /\.pdf/],
    [['report', 'a.json', '--out', 'a.pdf', '--lang', 'fr-FR'], /--lang/],
    [['report', '--out', 'a.pdf'], /expected 1 argument/],
  ])('%j is a usage error: exit 2, one line', async (argv, message) => {
    const { code, out, err } = await run({}, ...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });

  it('refuses a file that is not an inspection, listing each problem with its place', async () => {
    const { dir, env } = setUp();
    const notJson = path.join(dir, 'x.json');
    fs.writeFileSync(notJson, 'hello');
    const a = await run(env, 'report', notJson, '--out', path.join(dir, 'x.pdf'));
    expect(a.code).toBe(1);
    expect(a.err).toContain('不是有效的 UTF-8 JSON 文件');
    const wrong = path.join(dir, 'y.json');
    fs.writeFileSync(wrong, JSON.stringify({ format: 'qinglang-inspection/2', id: 'nope' }));
    const b = await run(env, 'report', wrong, '--out', path.join(dir, 'y.pdf'));
    expect(b.code).toBe(1);
    expect(b.err.split('\n')[0]).toMatch(/不是有效的检查文件，有 \d+ 个问题/);
    expect(b.err).toContain('$.id');
    expect(fs.existsSync(path.join(dir, 'y.pdf'))).toBe(false);
  });

  it('refuses an inspection of a template that is not installed, naming the template', async () => {
    const [base] = demo(1, 'cli-report');
    const { dir, file, env } = setUp({
      ...base!,
      template: { ...base!.template, id: 'district_special', version: '2027.1' },
    });
    const { code, err } = await run(env, 'report', file, '--out', path.join(dir, 'r.pdf'));
    expect(code).toBe(1);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain('district_special 2027.1');
  });

  it('says how to get a browser when CHROMIUM_PATH names none', async () => {
    const { dir, file, env } = setUp();
    const { code, err } = await run(
      { ...env, CHROMIUM_PATH: path.join(dir, 'no-chrome') },
      'report',
      file,
      '--out',
      path.join(dir, 'r.pdf'),
    );
    expect(code).toBe(1);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain('CHROMIUM_PATH');
  });

  it('writes the A4 PDF in the language asked for, with the school, the figures and the page numbers', async () => {
    const { dir, file, env, inspection } = setUp();
    const out = path.join(dir, 'report.pdf');
    const result = await run(env, 'report', file, '--out', out, '--lang', 'en-US');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe(`${out}: ${inspection.school.name} Autumn term 2026`);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain(inspection.school.name);
    expect(text).toContain('Network Security Self-Inspection Report');
    // The watermark is drawn turned; only the reading-order extraction keeps it whole.
    const raw = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' });
    expect(raw.match(/^DRAFT$/gm)?.length).toBe(Number(/Page 1 of (\d+)/.exec(text)![1]));
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Content hash: not signed');
  }, 60_000);
});
