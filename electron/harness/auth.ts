import { timingSafeEqual } from 'node:crypto';

export interface RequestFacts {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly secFetchSite: string | undefined;
  readonly cookie: string | undefined;
  readonly authorization: string | undefined;
  /** The ?token= of the request, if any (only honoured to open the app). */
  readonly queryToken: string | null;
}

export type Verdict =
  | { readonly ok: true; readonly via: 'cookie' | 'header' | 'query' }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export function cookieName(port: number): string {
  // Cookies ignore the port, so two harnesses on one machine must not share a name.
  return `qinglang-${port}`;
}

/**
 * Decides whether a request to the harness is the user's own browser tab: the Host must be this
 * loopback server (defeats DNS rebinding), a cross-site Origin is refused (defeats CSRF), and the
 * session token must come with it (cookie, Bearer header, or once in the opening URL).
 */
export function checkRequest(
  facts: RequestFacts,
  server: { port: number; token: string },
): Verdict {
  const hosts = [`127.0.0.1:${server.port}`, `localhost:${server.port}`];
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'foreign-host' };
  }
  if (facts.origin !== undefined && facts.origin !== `http://${facts.host.toLowerCase()}`) {
    return { ok: false, status: 403, reason: 'foreign-origin' };
  }
  if (facts.secFetchSite === 'cross-site') {
    return { ok: false, status: 403, reason: 'cross-site' };
  }
  const fromCookie = readCookie(facts.cookie, cookieName(server.port));
  if (fromCookie !== null && sameToken(fromCookie, server.token))
    return { ok: true, via: 'cookie' };
  const bearer = facts.authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (bearer !== undefined && sameToken(bearer, server.token)) return { ok: true, via: 'header' };
  if (facts.queryToken !== null && sameToken(facts.queryToken, server.token)) {
    return { ok: true, via: 'query' };
  }
  return { ok: false, status: 401, reason: 'no-token' };
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
