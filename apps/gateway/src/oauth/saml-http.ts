import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { CommandMeta, UserDirectoryOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { escapeHtml } from './hosted-pages';
import { basePathOf, cookiesOf, paramsOf, redirect, sendErrorPage } from './oauth-http';

/**
 * The HTTP side of SAML sign-in (ADR 0025): the ACS URL, the browser-binding cookie, the redirect
 * or auto-posted form to the IdP. The user directory decides everything.
 */

/** Binds a SAML sign-in to the browser that started it; sent to the ACS only. */
export const SAML_BROWSER_COOKIE = 'idfed-saml';

/** The pool's assertion consumer service URL, as this browser reaches the pool. */
export function acsUrlOf(req: Request, res: Response, poolId: string, publicUrl: string): string {
  if (res.locals.poolDomainHost === true) {
    const scheme = req.secure || publicUrl.startsWith('https:') ? 'https' : 'http';
    return `${scheme}://${req.headers.host}/saml2/idpresponse`;
  }
  return `${publicUrl}/${poolId}/saml2/idpresponse`;
}

/** The pool's single logout endpoint, `/saml2/logout`, as this browser reaches the pool (ADR 0069). */
export function logoutUrlOf(req: Request, res: Response, poolId: string, publicUrl: string): string {
  return acsUrlOf(req, res, poolId, publicUrl).replace(/\/saml2\/idpresponse$/, '/saml2/logout');
}

/**
 * The cookie reaches the ACS on the IdP's cross-site POST, so it is `SameSite=None`, hence `Secure`
 * (browsers keep Secure cookies of http://localhost and its subdomains).
 */
function setBrowserCookie(res: Response, poolId: string, value: string, maxAgeSeconds: number): void {
  const path = `${basePathOf(res, poolId)}/saml2/idpresponse`;
  res.append(
    'set-cookie',
    `${SAML_BROWSER_COOKIE}=${encodeURIComponent(value)}; Path=${path}; HttpOnly; SameSite=None; Secure; Max-Age=${maxAgeSeconds}`,
  );
}

/** An auto-submitting form to the IdP (HTTP-POST binding); a button when scripts are off. */
export function sendPostForm(
  res: Response,
  action: string,
  fields: Record<string, string>,
  title = 'Signing in',
): void {
  const script = 'document.forms[0].submit();';
  const hash = createHash('sha256').update(script).digest('base64');
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  res
    .status(200)
    .setHeader('content-type', 'text/html; charset=utf-8')
    .setHeader('cache-control', 'no-store')
    .setHeader('x-frame-options', 'DENY')
    .setHeader(
      'content-security-policy',
      `default-src 'none'; script-src 'sha256-${hash}'; form-action ${new URL(action).origin}; frame-ancestors 'none'`,
    )
    .setHeader('referrer-policy', 'no-referrer')
    .send(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>` +
        `<form method="post" action="${escapeHtml(action)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form>` +
        `<script>${script}</script></body></html>`,
    );
}

/**
 * /oauth2/authorize naming a provider: when it is one of the pool's SAML providers, the browser goes
 * to the IdP (true: answered); otherwise false and the generic flow goes on.
 */
export async function samlAuthorize(
  bus: BusClient,
  meta: CommandMeta,
  req: Request,
  res: Response,
  poolId: string,
  query: URLSearchParams,
  publicUrl: string,
): Promise<boolean> {
  const idp = query.get('identity_provider');
  if ((!idp || idp === 'COGNITO') && !query.get('idp_identifier')) return false;
  const outcome = await bus.request(
    UserDirectoryOperations.SamlAuthorize,
    {
      UserPoolId: poolId,
      Params: paramsOf(query),
      AcsUrl: acsUrlOf(req, res, poolId, publicUrl),
      BrowserToken: cookiesOf(req)[SAML_BROWSER_COOKIE],
    },
    meta,
  );
  // 'federate' never comes from SAML: only the generic flow sends a browser to an OAuth 2.0 / OIDC
  // provider (ADR 0024).
  switch (outcome.kind) {
    case 'not-saml':
    case 'login':
    case 'federate':
      return false;
    case 'redirect':
      redirect(res, outcome.location);
      return true;
    case 'error':
      sendErrorPage(res, outcome.error, outcome.description);
      return true;
    case 'saml-request':
      setBrowserCookie(res, poolId, outcome.browserToken, outcome.maxAgeSeconds);
      if (outcome.binding === 'redirect') redirect(res, outcome.location);
      else sendPostForm(res, outcome.location, outcome.fields ?? {});
      return true;
  }
}
