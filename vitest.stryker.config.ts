import type { TestProjectInlineConfiguration } from 'vitest/config';
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * vitest.config.ts for Stryker (stryker.config.mjs), reduced to one of its projects: `node` by
 * default, `dom` with STRYKER_VITEST_PROJECT=dom. The vitest runner has no option to choose one.
 */
const wanted = process.env['STRYKER_VITEST_PROJECT'] ?? 'node';

const projects = (base.test?.projects ?? []).filter(
  (project): project is TestProjectInlineConfiguration =>
    typeof project === 'object' && 'test' in project && project.test?.name === wanted,
);
if (projects.length !== 1) throw new Error(`vitest.config.ts has no project named ${wanted}`);

export default defineConfig({ ...base, test: { ...base.test, projects } });
