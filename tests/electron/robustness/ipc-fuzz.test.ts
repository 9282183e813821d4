import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locale';
import { LOCALES } from '../../../shared/i18n/locale';
import { contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';
import { listChannels } from '../../../shared/ipc/define';
import { useTempDir } from '../temp-dir';
import { anyInput, hostileKey, mutate, mutation } from './ipc-arbitraries';
import type { World } from './ipc-world';
import { folderProblems, openWorld } from './ipc-world';

/** Runs per property and channel, and the most time one property may take. */
const RUNS = 200;
const TIME_LIMIT_MS = 15_000;

const CHANNELS = listChannels(contract);
const CJK = /[\u3400-\u9fff]/;
/** zod's English, which must never reach a Chinese-speaking user. */
const ZOD_ENGLISH = /\b(Invalid|Expected|Unrecognized|Too (big|small)|received)\b/i;

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

/**
 * One call through the door, and everything its answer must be whatever was sent: a result, never
 * a throw; a failure with a known code that is not `internal` (a handler that crashed), a message
 * in the user's language and issues that say where; something both doors can carry back; and
 * Object.prototype untouched.
 */
async function callAndCheck(
  world: World,
  channel: string,
  input: unknown,
  locale: Locale,
): Promise<string> {
  const { core } = world;
  if (core.locale() !== locale) core.services.settings.update({ language: locale });
  let result: IpcResult<unknown>;
  try {
    result = await core.dispatch(channel, input);
  } catch (error) {
    throw new Error(`${channel} threw across the door: ${String(error)}`);
  }
  // settings:set may change the language: the answer may be in the new one.
  const languages = new Set([locale, core.locale()]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(typeof result === 'object' && result !== null).toBe(true);
  expect(() => JSON.stringify(result)).not.toThrow();
  expect(() => structuredClone(result)).not.toThrow();
  if (result.ok) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'value']);
    await expectFolderSound(world);
    return 'ok';
  }
  const { code, message, issues } = result.error;
  expect(Object.keys(ERROR_MESSAGES)).toContain(code);
  // (The input is shown only then: stringifying a 30 MB string on every call costs minutes.)
  if (code === 'internal') throw new Error(`${channel}: a handler crashed on ${preview(input)}`);
  expect(code).not.toBe('unknown-channel');
  expect(typeof message === 'string' && message.trim().length > 0).toBe(true);
  if (!languages.has('en-US')) {
    expect(message).toMatch(CJK);
    expect(message).not.toMatch(ZOD_ENGLISH);
  }
  if (!languages.has('zh-CN')) expect(message).not.toMatch(CJK);
  for (const issue of issues ?? []) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    if (!languages.has('en-US')) {
      expect(issue.message, `issue at "${issue.path}"`).toMatch(CJK);
      expect(issue.message, `issue at "${issue.path}"`).not.toMatch(ZOD_ENGLISH);
    }
  }
  if (code !== 'invalid-input') await expectFolderSound(world);
  return code;
}

/** After a call that reached a handler (only those can write): nothing set aside, the list answers. */
async function expectFolderSound(world: World): Promise<void> {
  const { dataDir, core } = world;
  const aside = [dataDir, path.join(dataDir, 'inspections')].flatMap((dir) =>
    fs.readdirSync(dir).filter((name) => name.includes('.corrupt-')),
  );
  expect(aside).toEqual([]);
  const listed = await core.dispatch('inspections:list', undefined);
  expect(listed.ok).toBe(true);
}

function preview(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 300);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

async function check<T extends unknown[]>(
  property: fc.IAsyncPropertyWithHooks<T>,
  seed: number,
): Promise<number> {
  const details = await fc.check(property, {
    numRuns: RUNS,
    interruptAfterTimeLimit: TIME_LIMIT_MS,
    seed,
  });
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
  return details.numRuns;
}

interface ChannelReport {
  anything: number;
  mutated: number;
  ms: number;
  /** How the mutated examples were answered: "ok" or the failure's code, with how often. */
  outcomes: Record<string, number>;
}
const report: Record<string, ChannelReport> = {};
afterAll(() => {
  const runs = Object.values(report);
  console.log(
    JSON.stringify({
      channels: runs.length,
      runs: runs.reduce((n, r) => n + r.anything + r.mutated, 0),
      perChannel: report,
    }),
  );
});

describe('every IPC channel, sent random and malformed input through the real dispatcher', () => {
  const tempDir = useTempDir();

  it('has known-good examples for every channel, each accepted by its input schema', async () => {
    const { examples } = await openWorld(tempDir());
    for (const { name, spec } of CHANNELS) {
      expect(examples[name], `write examples for ${name} in ipc-world.ts`).toBeDefined();
      for (const example of examples[name]!) {
        expect(spec.input.safeParse(example).success, `${name}: ${preview(example)}`).toBe(true);
      }
    }
    expect(Object.keys(examples).sort()).toEqual(CHANNELS.map((c) => c.name).sort());
  });

  it('refuses channels that do not exist, prototype names included', async () => {
    const { core } = await openWorld(tempDir());
    const name = fc.oneof(
      hostileKey,
      fc.constantFrom('inspections:__proto__', 'app:constructor', '__proto__:info', 'app:info '),
      fc.constantFrom(...CHANNELS.map((c) => c.name)).map((c) => c.toUpperCase()),
    );
    await check(
      fc.asyncProperty(name, anyInput, async (channel, input) => {
        const result = await core.dispatch(channel, input);
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      }),
      1,
    );
  });

  it.each(CHANNELS.map((c, i) => [c.name, i] as const))(
    '%s: never throws, never crashes a handler, answers in the user language, leaves the folder whole',
    async (channel, index) => {
      const began = performance.now();
      const world = await openWorld(tempDir());
      const examples = world.examples[channel]!;
      const locale = fc.constantFrom(...LOCALES);
      const anything = await check(
        fc.asyncProperty(anyInput, locale, async (input, lang) => {
          await callAndCheck(world, channel, input, lang);
        }),
        1000 + index,
      );
      const outcomes: Record<string, number> = {};
      const mutated = await check(
        fc.asyncProperty(fc.nat(), mutation(world.known), locale, async (which, m, lang) => {
          const input = mutate(examples[which % examples.length], m);
          const outcome = await callAndCheck(world, channel, input, lang);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }),
        2000 + index,
      );
      // The folder opens as cleanly as before, at the next start and in this process.
      expect(await folderProblems(world.dataDir)).toEqual([]);
      await expect(world.core.dispatch('inspections:list', undefined)).resolves.toMatchObject({
        ok: true,
      });
      report[channel] = { anything, mutated, ms: Math.round(performance.now() - began), outcomes };
    },
    120_000,
  );
});
