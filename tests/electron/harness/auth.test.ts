import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../electron/harness/auth';
import type { RequestFacts } from '../../../electron/harness/auth';

const server = { port: 4321, token: 'secret-token-123' };
const good: RequestFacts = {
  host: '127.0.0.1:4321',
  origin: undefined,
  secFetchSite: 'same-origin',
  authorization: undefined,
  pathname: '/secret-token-123/assets/app.js',
};

describe('checkRequest', () => {
  it('lets in a path under the token and hands on the path inside the app', () => {
    expect(checkRequest(good, server)).toEqual({ ok: true, path: '/assets/app.js' });
    expect(checkRequest({ ...good, pathname: '/secret-token-123/' }, server)).toEqual({
      ok: true,
      path: '/',
    });
    expect(
      checkRequest({ ...good, host: 'localhost:4321', origin: 'http://localhost:4321' }, server),
    ).toMatchObject({ ok: true });
  });

  it('adds the trailing slash the relative assets need', () => {
    expect(checkRequest({ ...good, pathname: '/secret-token-123' }, server)).toEqual({
      ok: true,
      path: '/',
      redirect: '/secret-token-123/',
    });
  });

  it('lets a script in with a Bearer header, path as it is', () => {
    expect(
      checkRequest(
        { ...good, pathname: '/__api/invoke', authorization: 'Bearer secret-token-123' },
        server,
      ),
    ).toEqual({ ok: true, path: '/__api/invoke' });
  });

  it.each<[string, Partial<RequestFacts>, 401 | 403]>([
    ['no token at all', { pathname: '/' }, 401],
    ['an asset without the token', { pathname: '/assets/app.js' }, 401],
    ['a wrong token', { pathname: '/guess/assets/app.js' }, 401],
    ['a token one character short', { pathname: '/secret-token-12/' }, 401],
    ['a token one character long', { pathname: '/secret-token-1234/' }, 401],
    ['the token later in the path', { pathname: '/x/secret-token-123/' }, 401],
    ['the token in the query', { pathname: '/?token=secret-token-123' }, 401],
    ['a wrong Bearer', { pathname: '/', authorization: 'Bearer nope' }, 401],
    ['a Basic header', { pathname: '/', authorization: 'Basic c2VjcmV0' }, 401],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example:4321' }, 403],
    ['the right host on another port', { host: '127.0.0.1:80' }, 403],
    ['no Host', { host: undefined }, 403],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a null Origin (sandboxed frame, file://)', { origin: 'null' }, 403],
    ['an Origin on another port of 127.0.0.1', { origin: 'http://127.0.0.1:1' }, 403],
    ['a cross-site fetch', { secFetchSite: 'cross-site' }, 403],
  ])('refuses %s', (_label, change, status) => {
    expect(checkRequest({ ...good, ...change }, server)).toMatchObject({ ok: false, status });
  });
});
