import type { Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { errorPage, PageLook, pageCsp } from './hosted-pages';

/** The cookie that carries a browser's hosted session (its value is known only to that browser). */
export const SESSION_COOKIE = 'cognito';
/** The cookie that binds a redirect to an identity provider to the browser it sent there (ADR 0024). */
export const BINDING_COOKIE = 'idfed-federation';
/** The double-submit CSRF cookie; the form echoes it in `_csrf`. */
export const CSRF_COOKIE = 'XSRF-TOKEN';

/** Where a pool's endpoints are, as the browser sees them: `/<poolId>` or, on its domain's host, the root. */
export function basePathOf(res: Response, poolId: string): string {
  return res.locals.poolDomainHost === true ? '' : `/${poolId}`;
}

export function cookiesOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !(name in out)) {
      try {
        out[name] = decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        // A cookie that is not percent-encoded properly is ignored.
      }
    }
  }
  return out;
}

export function setCookie(
  res: Response,
  name: string,
  value: string,
  o: { path: string; maxAgeSeconds?: number; secure: boolean; crossSite?: boolean },
): void {
  // SameSite=None is only honoured (and only safe to ask for) with Secure; over http, Lax.
  const crossSite = o.crossSite === true && o.secure;
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${o.path || '/'}`,
    'HttpOnly',
    crossSite ? 'SameSite=None' : 'SameSite=Lax',
    ...(o.maxAgeSeconds !== undefined ? [`Max-Age=${o.maxAgeSeconds}`] : []),
    ...(o.secure ? ['Secure'] : []),
  ];
  res.append('set-cookie', parts.join('; '));
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfMatches(cookie: string | undefined, field: string | undefined): boolean {
  if (!cookie || !field) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(field);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The query (or form) as a flat map: a repeated parameter keeps its first value. */
export function paramsOf(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of search) if (!(k in out)) out[k] = v;
  return out;
}

export function queryOf(req: Request): URLSearchParams {
  const at = req.originalUrl.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
}

/** HTML answers are never cached, framed or given scripts. */
export function sendHtml(res: Response, status: number, html: string, look?: PageLook): void {
  res
    .status(status)
    .setHeader('content-type', 'text/html; charset=utf-8')
    .setHeader('cache-control', 'no-store')
    .setHeader('x-frame-options', 'DENY')
    .setHeader('content-security-policy', pageCsp(look))
    .setHeader('referrer-policy', 'no-referrer')
    .send(html);
}

export function sendErrorPage(res: Response, error: string, description: string): void {
  sendHtml(res, 400, errorPage(error, description));
}

export function redirect(res: Response, location: string): void {
  res.status(302).setHeader('cache-control', 'no-store').setHeader('location', location).end();
}

/** JSON of the token, revocation and userInfo endpoints: never cached. */
export function sendJson(res: Response, status: number, body: Record<string, unknown>): void {
  res.status(status).setHeader('cache-control', 'no-store').setHeader('pragma', 'no-cache').json(body);
}
