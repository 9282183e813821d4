import type { IpcFailure, IpcResult } from '../../shared/ipc/define';
import type { Api } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the preload (desktop) or the harness bridge (browser); nothing else. */
    readonly api: Api;
  }
}

/** A failed call, with its code and a message already in the user's language. */
export class ApiError extends Error {
  readonly code: IpcFailure['code'];
  readonly issues: IpcFailure['issues'];

  constructor(failure: IpcFailure) {
    super(failure.message);
    this.name = 'ApiError';
    this.code = failure.code;
    this.issues = failure.issues;
  }
}

export function api(): Api {
  return window.api;
}

/** Turns a call's result into its value, or throws an ApiError the UI can show as it is. */
export async function unwrap<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new ApiError(settled.error);
  return settled.value;
}
