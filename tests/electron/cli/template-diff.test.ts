import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { TEMPLATES_DIR, templateFileName } from '../../../electron/services/data-layout';
import { serializeTemplate } from '../../../electron/services/templates/template-files';
import { templateJson } from '../../../shared/template/canonical';
import type { Template } from '../../../shared/template/schema';
import { templateSchema } from '../../../shared/template/schema';
import { useTempDir } from '../temp-dir';

async function run(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const V1 = templateSchema.parse(
  JSON.parse(fs.readFileSync('resources/templates/school-security-2026.1.json', 'utf8')),
);

/** 2026.1 with its first item gone, its second one required, and a new item, as 2099.1. */
function later(): Template {
  const [first, ...rest] = V1.sections;
  const [, second, ...others] = first!.items;
  const added = {
    ...second!,
    id: 'brand_new',
    prompt: { 'zh-CN': '新的检查项', 'en-US': 'A new check' },
  };
  return {
    ...V1,
    version: '2099.1',
    sections: [
      { ...first!, items: [{ ...second!, required: !second!.required }, ...others, added] },
      ...rest,
    ],
  };
}

describe('qinglang template diff', () => {
  const tempDir = useTempDir();

  function files() {
    const dir = tempDir();
    const env = { QINGLANG_DATA_DIR: path.join(dir, 'data') };
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.xlsx');
    fs.writeFileSync(a, serializeTemplate(V1, 'json'));
    fs.writeFileSync(b, serializeTemplate(later(), 'xlsx'));
    return { dir, env, a, b };
  }

  it('prints what was added, removed and changed, in both languages, and exits 1', async () => {
    const { env, a, b } = files();
    const [first, second] = V1.sections[0]!.items;
    const { code, out, err } = await run(env, 'template', 'diff', a, b);
    expect(err).toBe('');
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toBe('school_security 2026.1 → school_security 2099.1');
    expect(lines[1]).toBe(
      '检查项新增 1 项，删除 1 项，修改 1 项；章节新增 0 个，删除 0 个，改名 0 个 / items: 1 added, 1 removed, 1 changed; sections: 0 added, 0 removed, 0 renamed',
    );
    expect(out).toContain('新增的检查项 / Items added (1)');
    expect(out).toMatch(/ {2}\+ brand_new {2}【.+】新的检查项 \/ \[.+\] A new check/);
    expect(out).toContain('删除的检查项 / Items removed (1)');
    expect(out).toContain(`  - ${first!.id}  `);
    expect(out).toContain('修改的检查项 / Items changed (1)');
    expect(out).toContain(`  ~ ${second!.id}  `);
    expect(out).toMatch(
      /是否必填：原为“[是否]”，现为“[是否]” \/ required: was "(Yes|No)", now "(Yes|No)"/,
    );
  });

  it('exits 0 and says so when the two are the same; a file and its spreadsheet compare equal', async () => {
    const { dir, env, a } = files();
    const x = path.join(dir, 'same.xlsx');
    fs.writeFileSync(x, serializeTemplate(V1, 'xlsx'));
    const { code, out } = await run(env, 'template', 'diff', a, x);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'school_security 2026.1 → school_security 2026.1',
      '两个版本内容相同 / the two versions have the same content',
    ]);
  });

  it('reads ID@VERSION from the built-in and installed templates', async () => {
    const { env, a } = files();
    const same = await run(env, 'template', 'diff', 'school_security@2026.1', a);
    expect(same.code).toBe(0);
    expect(same.out).toContain('两个版本内容相同');
    // Installed as the app installs it: one canonical file per id and version in the data folder.
    const installed = later();
    const dir = path.join(env.QINGLANG_DATA_DIR, TEMPLATES_DIR);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, templateFileName(installed)), templateJson(installed));
    const both = await run(
      env,
      'template',
      'diff',
      'school_security@2026.1',
      'school_security@2099.1',
    );
    expect(both.err).toBe('');
    expect(both.code).toBe(1);
    expect(both.out.split('\n').slice(0, 2)).toEqual([
      'school_security 2026.1 → school_security 2099.1',
      '检查项新增 1 项，删除 1 项，修改 1 项；章节新增 0 个，删除 0 个，改名 0 个 / items: 1 added, 1 removed, 1 changed; sections: 0 added, 0 removed, 0 renamed',
    ]);
  });

  const trouble: [string, (f: ReturnType<typeof files>) => string[], RegExp][] = [
    [
      'a version that is not installed',
      (f) => [f.a, 'school_security@1999.1'],
      /没有安装 school_security 的 1999\.1 版本.* \/ school_security version 1999\.1 is not installed/,
    ],
    [
      'neither a file nor ID@VERSION',
      (f) => [f.a, 'school_security'],
      /既不是模板文件.* \/ "school_security" is neither a template file \(\.json or \.xlsx\) nor ID@VERSION/,
    ],
    [
      'a missing file',
      (f) => [path.join(f.dir, 'nope.json'), f.a],
      /cannot compare: .*nope\.json is not a valid template/,
    ],
    [
      'an invalid file, with its problems',
      (f) => {
        const bad = path.join(f.dir, 'bad.json');
        fs.writeFileSync(bad, '{"format": "qinglang-template/1"}');
        return [f.a, bad];
      },
      /bad\.json 有 \d+ 个问题[\s\S]*cannot compare/,
    ],
  ];
  for (const [what, args, message] of trouble) {
    it(`exits 2 with a clear bilingual message for ${what}`, async () => {
      const f = files();
      const { code, out, err } = await run(f.env, 'template', 'diff', ...args(f));
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
    });
  }

  it('wants exactly two arguments, and its help says what the exit codes mean', async () => {
    const { env, a } = files();
    expect((await run(env, 'template', 'diff', a)).code).toBe(2);
    const help = await run(env, 'template', 'diff', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法 Usage: qinglang template diff A B');
    expect(help.out).toContain('退出码 0 相同，1 有差异，2 无法比较');
    expect(help.out).toContain('exit 0 the same, 1 different, 2 cannot compare');
  });
});
