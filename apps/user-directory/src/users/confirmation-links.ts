import { Inject, Injectable } from '@nestjs/common';
import { confirmationMessage, MessageContext, SendingPool } from '../delivery/code-messages';
import { OutgoingMessage } from '../delivery/message-sender';
import { UserPoolDomain, UserPoolDomainsRepository } from '../domains/user-pool-domains.repository';
import { PoolConfig } from '../pools/pool-config';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';

/** Cognito's defaults for a pool that confirms by link and gives no text of its own. */
export const DEFAULT_LINK_SUBJECT = 'Your verification link';
export const DEFAULT_LINK_MESSAGE =
  'Please click the link below to verify your email address. {##Verify Email##}';

/** Whether the pool's sign-up emails carry a link rather than a code (ADR 0062). */
export function confirmsByLink(config: Pick<PoolConfig, 'verificationMessageTemplate'>): boolean {
  return config.verificationMessageTemplate?.DefaultEmailOption === 'CONFIRM_WITH_LINK';
}

/**
 * Where a pool's hosted pages are, as a browser reaches them: its prefix domain
 * (`<prefix>.<IDFED_AUTH_DOMAIN_SUFFIX>` on the public URL's scheme and port), its custom domain
 * (https, on `IDFED_CUSTOM_DOMAIN_PUBLIC_PORT`, 443 by default), or without a domain the path form
 * under the public URL.
 */
export function hostedBaseOf(
  config: Pick<UserDirectoryConfig, 'publicUrl' | 'authDomainSuffix' | 'customDomainPublicPort'>,
  poolId: string,
  domain: Pick<UserPoolDomain, 'domain' | 'customDomainConfig'> | undefined,
): string {
  if (!domain) return `${config.publicUrl}/${poolId}`;
  if (domain.customDomainConfig) {
    const port = config.customDomainPublicPort ?? 443;
    return `https://${domain.domain}${port === 443 ? '' : `:${port}`}`;
  }
  const url = new URL(config.publicUrl);
  return `${url.protocol}//${domain.domain}.${config.authDomainSuffix}${url.port ? `:${url.port}` : ''}`;
}

/** Cognito's confirmation link: `/confirmUser` with `client_id`, `user_name` and `confirmation_code`. */
export function confirmationLink(base: string, clientId: string, username: string, code: string): string {
  const query = new URLSearchParams({ client_id: clientId, user_name: username, confirmation_code: code });
  return `${base}/confirmUser?${query.toString()}`;
}

/** `{##text##}`: where a link message puts its link, `text` its anchor's label (never `{####}`). */
export const LINK_PLACEHOLDER = /\{##((?:(?!##\}|\{##)[\s\S])+)##\}/g;

/** The placeholder Cognito's CustomMessage event names as `linkParameter` (ADR 0071). */
export const LINK_PARAMETER = '{##Click Here##}';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A value made safe for HTML text and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * A link message's two bodies (ADR 0071): the HTML Cognito sends, each `{##label##}` an
 * `<a href="link">label</a>` and `{username}` the escaped username (the template's own markup is
 * the pool's, kept as written, as Cognito allows HTML in it); and the plain-text alternative, each
 * `{##label##}` made `label <link>`. The code, where a `{####}` is left, is filled in last.
 */
export function linkBodies(
  template: string,
  url: string,
  username: string,
  code: string,
): { text: string; html: string } {
  const text = template
    .replace(LINK_PLACEHOLDER, (_all, label: string) => `${label} <${url}>`)
    .split('{username}')
    .join(username)
    .split('{####}')
    .join(code);
  const html = template
    .replace(LINK_PLACEHOLDER, (_all, label: string) => `<a href="${escapeHtml(url)}">${label}</a>`)
    .split('{username}')
    .join(escapeHtml(username))
    .split('{####}')
    .join(code);
  return { text, html };
}

/**
 * The sign-up confirmation message: by email in a pool that confirms by link, the pool's
 * `EmailMessageByLink` / `EmailSubjectByLink` (else Cognito's default) as HTML with each
 * `{##text##}` an anchor to the link, and a plain-text alternative (ADR 0071); its message
 * triggers are told the link (CustomMessage's `linkParameter`). Otherwise the code message.
 */
export function signUpConfirmationMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  code: string,
  pool: SendingPool,
  username: string,
  link: { base: string; clientId: string } | undefined,
  context?: MessageContext,
): OutgoingMessage {
  const message = confirmationMessage(medium, to, code, pool, username, context);
  if (!link || medium !== 'EMAIL') return message;
  const template = pool.config.verificationMessageTemplate;
  const url = confirmationLink(link.base, link.clientId, username, code);
  const { text, html } = linkBodies(
    template?.EmailMessageByLink ?? DEFAULT_LINK_MESSAGE,
    url,
    username,
    code,
  );
  return {
    ...message,
    subject: template?.EmailSubjectByLink ?? DEFAULT_LINK_SUBJECT,
    text,
    html,
    ...(message.trigger ? { trigger: { ...message.trigger, link: url } } : {}),
  };
}

/** The hosted base of a pool that confirms by link, read once per request before any user lookup. */
@Injectable()
export class ConfirmationLinks {
  constructor(
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
    @Inject(USER_DIRECTORY_CONFIG)
    private readonly config: Pick<
      UserDirectoryConfig,
      'publicUrl' | 'authDomainSuffix' | 'customDomainPublicPort'
    >,
  ) {}

  /** The link's parts for this pool and client, or undefined when the pool confirms by code. */
  async forPool(
    pool: { id: string; config: Pick<PoolConfig, 'verificationMessageTemplate'> },
    clientId: string,
  ): Promise<{ base: string; clientId: string } | undefined> {
    if (!confirmsByLink(pool.config)) return undefined;
    // A pool with both kinds of domain (ADR 0060) links to its custom one, the name users know.
    const { prefix, custom } = await this.domains.domainsOfPool(pool.id);
    return { base: hostedBaseOf(this.config, pool.id, custom ?? prefix), clientId };
  }
}
