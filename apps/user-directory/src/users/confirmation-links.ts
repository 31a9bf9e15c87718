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
 * (https, default port), or without a domain the path form under the public URL.
 */
export function hostedBaseOf(
  config: Pick<UserDirectoryConfig, 'publicUrl' | 'authDomainSuffix'>,
  poolId: string,
  domain: Pick<UserPoolDomain, 'domain' | 'customDomainConfig'> | undefined,
): string {
  if (!domain) return `${config.publicUrl}/${poolId}`;
  if (domain.customDomainConfig) return `https://${domain.domain}`;
  const url = new URL(config.publicUrl);
  return `${url.protocol}//${domain.domain}.${config.authDomainSuffix}${url.port ? `:${url.port}` : ''}`;
}

/** Cognito's confirmation link: `/confirmUser` with `client_id`, `user_name` and `confirmation_code`. */
export function confirmationLink(base: string, clientId: string, username: string, code: string): string {
  const query = new URLSearchParams({ client_id: clientId, user_name: username, confirmation_code: code });
  return `${base}/confirmUser?${query.toString()}`;
}

/**
 * The sign-up confirmation message: by email in a pool that confirms by link, the pool's
 * `EmailMessageByLink` / `EmailSubjectByLink` (else Cognito's default) with each `{##text##}`
 * made `text <link>` (idfed's mail is plain text); otherwise the code message.
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
  const text = (template?.EmailMessageByLink ?? DEFAULT_LINK_MESSAGE)
    .replace(/\{##([\s\S]*?)##\}/g, (_all, label: string) => `${label} <${url}>`)
    .split('{username}')
    .join(username);
  return { ...message, subject: template?.EmailSubjectByLink ?? DEFAULT_LINK_SUBJECT, text };
}

/** The hosted base of a pool that confirms by link, read once per request before any user lookup. */
@Injectable()
export class ConfirmationLinks {
  constructor(
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
    @Inject(USER_DIRECTORY_CONFIG)
    private readonly config: Pick<UserDirectoryConfig, 'publicUrl' | 'authDomainSuffix'>,
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
