import type { z } from 'zod';
import type { ErrorCode } from '../errors';

/** One channel: what the caller may send and what it gets back, both as schemas. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/** A domain's channels, by method name (e.g. settings → get, set). */
export type DomainSpec = Readonly<Record<string, ChannelSpec>>;

/** The whole contract: domains by name. */
export type ContractSpec = Readonly<Record<string, DomainSpec>>;

export type InputOf<C extends ChannelSpec> = z.input<C['input']>;
export type ParsedInputOf<C extends ChannelSpec> = z.output<C['input']>;
export type OutputOf<C extends ChannelSpec> = z.output<C['output']>;

export interface IpcIssue {
  /** Where in the input the problem is, e.g. "language" or "rows.3.name"; "" for the whole. */
  readonly path: string;
  readonly message: string;
}

export interface IpcFailure {
  readonly code: ErrorCode;
  /** Already in the user's language. */
  readonly message: string;
  readonly issues?: readonly IpcIssue[];
}

/** What every channel resolves to: never a thrown error, never a stack trace. */
export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcFailure };

type ApiMethod<C extends ChannelSpec> =
  undefined extends InputOf<C>
    ? (input?: InputOf<C>) => Promise<IpcResult<OutputOf<C>>>
    : (input: InputOf<C>) => Promise<IpcResult<OutputOf<C>>>;

/** window.api: one object of named methods per domain, typed from the contract. */
export type ApiOf<K extends ContractSpec> = {
  readonly [D in keyof K]: { readonly [M in keyof K[D]]: ApiMethod<K[D][M]> };
};

export type HandlerOf<C extends ChannelSpec> = (
  input: ParsedInputOf<C>,
) => Promise<OutputOf<C>> | OutputOf<C>;

/** What the Node side implements: one handler per channel, nothing more, nothing less. */
export type HandlersOf<K extends ContractSpec> = {
  readonly [D in keyof K]: { readonly [M in keyof K[D]]: HandlerOf<K[D][M]> };
};

export function defineDomain<const D extends DomainSpec>(domain: D): D {
  return domain;
}

/** The wire name of a channel. The only place channel strings are made. */
export function channelName(domain: string, method: string): string {
  return `${domain}:${method}`;
}

export interface ChannelEntry {
  readonly domain: string;
  readonly method: string;
  readonly name: string;
  readonly spec: ChannelSpec;
}

export function listChannels(contract: ContractSpec): ChannelEntry[] {
  return Object.entries(contract).flatMap(([domain, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({
      domain,
      method,
      name: channelName(domain, method),
      spec,
    })),
  );
}

/**
 * The longest base64 text a file of `bytes` bytes becomes, with room to spare: a channel that
 * carries a file refuses anything longer before decoding it, and the Node side checks the
 * decoded size again.
 */
export function base64LengthFor(bytes: number): number {
  return Math.ceil((bytes * 4) / 3) + 16;
}
