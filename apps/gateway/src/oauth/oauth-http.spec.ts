import type { Response } from 'express';
import { setCookie } from './oauth-http';

/** The Set-Cookie headers a response got. */
function cookiesSet(write: (res: Response) => void): string[] {
  const set: string[] = [];
  const res = { append: (name: string, value: string) => name === 'set-cookie' && set.push(value) };
  write(res as unknown as Response);
  return set;
}

describe('setCookie', () => {
  it('is SameSite=Lax by default, over https too', () => {
    expect(cookiesSet((res) => setCookie(res, 'c', 'v', { path: '/p', secure: true }))).toEqual([
      'c=v; Path=/p; HttpOnly; SameSite=Lax; Secure',
    ]);
  });

  it('lets a cookie that must come back on a cross-site POST be SameSite=None, only with Secure', () => {
    expect(
      cookiesSet((res) =>
        setCookie(res, 'idfed-federation', 'b', {
          path: '/',
          secure: true,
          crossSite: true,
          maxAgeSeconds: 600,
        }),
      ),
    ).toEqual(['idfed-federation=b; Path=/; HttpOnly; SameSite=None; Max-Age=600; Secure']);
    // Over plain http a browser drops SameSite=None without Secure: Lax, as before.
    expect(
      cookiesSet((res) =>
        setCookie(res, 'idfed-federation', 'b', { path: '/', secure: false, crossSite: true }),
      ),
    ).toEqual(['idfed-federation=b; Path=/; HttpOnly; SameSite=Lax']);
  });
});
