import type { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import { issueText } from '../../shared/issue-messages';
import type { Locale } from '../../shared/i18n/locale';
import type { ChannelSpec, ContractSpec, IpcIssue, IpcResult } from '../../shared/ipc/define';
import { listChannels } from '../../shared/ipc/define';
import type { Logger } from '../services/logger';
import { failure, failureOf, readLocale } from './failure';

/** Runs one call: the same function behind Electron IPC and the browser harness. */
export type Dispatch = (channel: string, input: unknown) => Promise<IpcResult<unknown>>;

type AnyHandler = (input: unknown) => unknown;

interface DispatcherOptions {
  readonly contract: ContractSpec;
  /** Handlers shaped like the contract (HandlersOf<typeof contract>). */
  readonly handlers: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly locale: () => Locale;
  readonly log: Logger;
}

const HANDLER_EVENTS = { refused: 'ipc.refused', failed: 'ipc.handler-failed' } as const;

const zodLocales = { 'zh-CN': zhCN().localeError, 'en-US': en().localeError } as const;

/**
 * Validates the input with the channel's schema, runs the handler, checks what it returns, and
 * turns every failure into a typed result in the user's language. Stack traces go to the log only.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const routes = new Map<string, { spec: ChannelSpec; handler: AnyHandler }>();
  for (const { domain, method, name, spec } of listChannels(options.contract)) {
    const handler = options.handlers[domain]?.[method];
    if (typeof handler !== 'function') throw new Error(`No handler for channel ${name}`);
    routes.set(name, { spec, handler: handler as AnyHandler });
  }

  return async (channel, input) => {
    const locale = readLocale(options.locale);
    const route = routes.get(channel);
    if (!route) {
      options.log.warn('ipc.unknown-channel');
      return failure('unknown-channel', locale);
    }
    const parsed = route.spec.input.safeParse(input, { error: zodLocales[locale] });
    if (!parsed.success) {
      options.log.warn('ipc.invalid-input', { channel });
      return failure('invalid-input', locale, { issues: toIssues(parsed.error, locale) });
    }
    try {
      const value: unknown = await route.handler(parsed.data);
      const output = route.spec.output.safeParse(value);
      if (!output.success) {
        options.log.error('ipc.invalid-output', output.error, { channel });
        return failure('internal', locale);
      }
      return { ok: true, value: output.data };
    } catch (error) {
      // A failing settings:set may have changed nothing, but a later handler might: ask again.
      return failureOf(error, readLocale(options.locale), options.log, HANDLER_EVENTS, { channel });
    }
  };
}

function toIssues(error: z.ZodError, locale: Locale): IpcIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issueText(issue.message)?.[locale] ?? issue.message,
  }));
}
