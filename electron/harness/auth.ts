import { timingSafeEqual } from 'node:crypto';

export interface RequestFacts {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly secFetchSite: string | undefined;
  readonly authorization: string | undefined;
  /** The request's path as sent (still percent-encoded). */
  readonly pathname: string;
}

export type Verdict =
  | {
      readonly ok: true;
      /** The path inside the app, with the token prefix removed ("/" at least), still encoded. */
      readonly path: string;
      /** Set when the address needs a trailing slash so that relative assets resolve under it. */
      readonly redirect?: string;
    }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/**
 * Decides whether a request to the harness comes from the user's own tab. The Host must be this
 * loopback server (defeats DNS rebinding), a foreign Origin or a cross-site fetch is refused
 * (defeats CSRF), and the session token must be the first segment of the path (the printed
 * address is http://127.0.0.1:PORT/TOKEN/) or a Bearer header for scripts. The token lives in the
 * path, not in a cookie, because browsers send cookies to every port of 127.0.0.1: any other
 * local server the user visits would receive it.
 */
export function checkRequest(
  facts: RequestFacts,
  server: { port: number; token: string },
): Verdict {
  const hosts = [`127.0.0.1:${server.port}`, `localhost:${server.port}`];
  const host = facts.host?.toLowerCase();
  if (!host || !hosts.includes(host)) return { ok: false, status: 403, reason: 'foreign-host' };
  if (facts.origin !== undefined && facts.origin !== `http://${host}`) {
    return { ok: false, status: 403, reason: 'foreign-origin' };
  }
  if (facts.secFetchSite === 'cross-site') return { ok: false, status: 403, reason: 'cross-site' };

  const bearer = facts.authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (bearer !== undefined && sameToken(bearer, server.token)) {
    return { ok: true, path: facts.pathname };
  }
  const match = facts.pathname.match(/^\/([^/]+)(\/.*)?$/);
  if (match && sameToken(match[1]!, server.token)) {
    return match[2] === undefined
      ? { ok: true, path: '/', redirect: `/${match[1]}/` }
      : { ok: true, path: match[2] };
  }
  return { ok: false, status: 401, reason: 'no-token' };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
