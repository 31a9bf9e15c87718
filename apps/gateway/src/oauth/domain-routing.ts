import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { UserDirectoryOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { requestIdOf } from '../http/request-context.middleware';
import { errorPage } from './hosted-pages';
import { sendHtml } from './oauth-http';

/** A domain's pool is remembered this long: a deleted domain stops answering within it. */
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
/** What a pool's domain serves at its root (Cognito's user pool endpoints). */
const DOMAIN_PATHS =
  /^\/(oauth2\/|saml2\/|login(\/|\?|$)|logout(\?|$)|\.well-known\/|ui-customization\/logo\/)/;
/** The sign-up, confirmation and password-reset pages (ADR 0026). */
const HOSTED_PAGES = /^\/(signup|confirmUser|forgotPassword|confirmForgotPassword)(\?|$)/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Host-name routing of the user pool domains: a request to `<prefix>.<IDFED_AUTH_DOMAIN_SUFFIX>`
 * for one of the domain's paths is served as `/<poolId>/<path>`, the path form, and marked so the
 * pages link and set cookies at the root the browser sees. An unknown prefix is a 404 page.
 */
@Injectable()
export class DomainRouting {
  private readonly cache = new Map<string, { poolId?: string; expires: number }>();
  private readonly suffix: string;

  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
  ) {
    this.suffix = `.${options.env.authDomainSuffix}`;
  }

  /** The domain prefix a Host header names, if it is one of ours. */
  prefixOf(host: string | undefined): string | undefined {
    if (!host) return undefined;
    const name = host.replace(/:\d+$/, '').toLowerCase();
    if (!name.endsWith(this.suffix)) return undefined;
    const prefix = name.slice(0, -this.suffix.length);
    return LABEL.test(prefix) ? prefix : undefined;
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const prefix = this.prefixOf(req.headers.host);
    if (!prefix || !(DOMAIN_PATHS.test(req.url) || HOSTED_PAGES.test(req.url))) return next();
    this.poolOf(prefix, requestIdOf(res)).then(
      (poolId) => {
        if (!poolId) return sendHtml(res, 404, errorPage('not_found', 'No user pool has this domain.'));
        res.locals.poolDomainHost = true;
        req.url = `/${poolId}${req.url}`;
        next();
      },
      (err: unknown) => next(err),
    );
  };

  private async poolOf(prefix: string, requestId: string): Promise<string | undefined> {
    const cached = this.cache.get(prefix);
    if (cached && cached.expires > Date.now()) return cached.poolId;
    const { UserPoolId } = await this.bus.request(
      UserDirectoryOperations.ResolveUserPoolDomain,
      { Domain: prefix },
      { requestId, caller: { kind: 'anonymous' } },
    );
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(prefix, { poolId: UserPoolId, expires: Date.now() + CACHE_MS });
    return UserPoolId;
  }
}
