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
  /^\/(oauth2\/|saml2\/|login(\/|\?|$)|logout(\?|$)|\.well-known\/|ui-customization\/logo\/|managed-login\/assets\/)/;
/** The sign-up, confirmation and password-reset pages (ADR 0026). */
const HOSTED_PAGES = /^\/(signup|confirmUser|forgotPassword|confirmForgotPassword)(\?|$)/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Set on a request that came through the custom-domain HTTPS listener (ADR 0049): the host name
 * the client asked for in its TLS handshake (SNI), whose certificate it was served.
 */
export const CUSTOM_DOMAIN_SNI = Symbol('idfed.customDomainSni');
type SniRequest = Request & { [CUSTOM_DOMAIN_SNI]?: string };

/** What the user directory knows of a domain: its pool, and a custom domain's certificate. */
export interface ResolvedDomain {
  poolId?: string;
  certificateArn?: string;
  /** A custom domain's SecurityPolicy (ADR 0060): the lowest TLS version its listener accepts. */
  securityPolicy?: string;
}

/**
 * Host-name routing of the user pool domains: a request to `<prefix>.<IDFED_AUTH_DOMAIN_SUFFIX>`
 * for one of the domain's paths is served as `/<poolId>/<path>`, the path form, and marked so the
 * pages link and set cookies at the root the browser sees. An unknown prefix is a 404 page.
 */
@Injectable()
export class DomainRouting {
  private readonly cache = new Map<string, ResolvedDomain & { expires: number }>();
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
    const sni = (req as SniRequest)[CUSTOM_DOMAIN_SNI];
    if (sni !== undefined) return this.customDomain(req, res, next, sni);
    const prefix = this.prefixOf(req.headers.host);
    if (!prefix || !(DOMAIN_PATHS.test(req.url) || HOSTED_PAGES.test(req.url))) return next();
    this.resolve(prefix, requestIdOf(res)).then(
      ({ poolId }) => {
        if (!poolId) return sendHtml(res, 404, errorPage('not_found', 'No user pool has this domain.'));
        res.locals.poolDomainHost = true;
        req.url = `/${poolId}${req.url}`;
        next();
      },
      (err: unknown) => next(err),
    );
  };

  /**
   * A request on the custom-domain listener: only the domain's own endpoints, only for the host
   * name the TLS handshake named (another pool's custom domain in the Host header of a connection
   * made for this one is misdirected, 421), and only for a custom domain (a prefix is not served here).
   */
  private customDomain(req: Request, res: Response, next: NextFunction, sni: string): void {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (host !== sni)
      return sendHtml(
        res,
        421,
        errorPage('misdirected_request', 'This connection is for another host name.'),
      );
    if (!(DOMAIN_PATHS.test(req.url) || HOSTED_PAGES.test(req.url)))
      return sendHtml(res, 404, errorPage('not_found', 'Only the user pool endpoints are served here.'));
    this.resolve(host, requestIdOf(res)).then(
      ({ poolId, certificateArn }) => {
        if (!poolId || !certificateArn)
          return sendHtml(res, 404, errorPage('not_found', 'No user pool has this domain.'));
        res.locals.poolDomainHost = true;
        req.url = `/${poolId}${req.url}`;
        next();
      },
      (err: unknown) => next(err),
    );
  }

  /** A domain's pool (a prefix, or a custom domain's host name), remembered for 5 s. */
  async resolve(domain: string, requestId: string): Promise<ResolvedDomain> {
    const cached = this.cache.get(domain);
    if (cached && cached.expires > Date.now()) return cached;
    const { UserPoolId, CertificateArn, SecurityPolicy } = await this.bus.request(
      UserDirectoryOperations.ResolveUserPoolDomain,
      { Domain: domain },
      { requestId, caller: { kind: 'anonymous' } },
    );
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    const entry = {
      poolId: UserPoolId,
      certificateArn: CertificateArn,
      securityPolicy: SecurityPolicy,
      expires: Date.now() + CACHE_MS,
    };
    this.cache.set(domain, entry);
    return entry;
  }
}
