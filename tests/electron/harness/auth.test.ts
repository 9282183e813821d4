import { describe, expect, it } from 'vitest';
import { checkRequest, cookieName } from '../../../electron/harness/auth';
import type { RequestFacts } from '../../../electron/harness/auth';

const server = { port: 4321, token: 'secret-token-123' };
const good: RequestFacts = {
  host: '127.0.0.1:4321',
  origin: undefined,
  secFetchSite: 'same-origin',
  cookie: `${cookieName(4321)}=secret-token-123`,
  authorization: undefined,
  queryToken: null,
};

describe('checkRequest', () => {
  it('lets the user tab in with its cookie, a script with its Bearer token, the first visit with ?token=', () => {
    expect(checkRequest(good, server)).toEqual({ ok: true, via: 'cookie' });
    expect(
      checkRequest(
        { ...good, cookie: undefined, authorization: 'Bearer secret-token-123' },
        server,
      ),
    ).toEqual({ ok: true, via: 'header' });
    expect(
      checkRequest({ ...good, cookie: undefined, queryToken: 'secret-token-123' }, server),
    ).toEqual({
      ok: true,
      via: 'query',
    });
    expect(
      checkRequest({ ...good, host: 'localhost:4321', origin: 'http://localhost:4321' }, server),
    ).toMatchObject({ ok: true });
  });

  it.each<[string, Partial<RequestFacts>, 401 | 403]>([
    ['no token at all', { cookie: undefined }, 401],
    ['a wrong cookie', { cookie: `${cookieName(4321)}=guess` }, 401],
    ["another harness's cookie", { cookie: `${cookieName(9999)}=secret-token-123` }, 401],
    ['a token one character short', { cookie: `${cookieName(4321)}=secret-token-12` }, 401],
    ['a wrong Bearer', { cookie: undefined, authorization: 'Bearer nope' }, 401],
    ['a Basic header', { cookie: undefined, authorization: 'Basic c2VjcmV0' }, 401],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example:4321' }, 403],
    ['the right host on another port', { host: '127.0.0.1:80' }, 403],
    ['no Host', { host: undefined }, 403],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a null Origin (sandboxed frame, file://)', { origin: 'null' }, 403],
    ['an Origin on another port', { origin: 'http://127.0.0.1:1' }, 403],
    ['a cross-site fetch', { secFetchSite: 'cross-site' }, 403],
  ])('refuses %s', (_label, change, status) => {
    expect(checkRequest({ ...good, ...change }, server)).toMatchObject({ ok: false, status });
  });
});
