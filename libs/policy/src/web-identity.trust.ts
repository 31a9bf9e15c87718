import { evaluate } from './policy.evaluator';
import { ContextValue, Decision, PolicyDocument, RequestContext } from './policy.types';

/**
 * Trust-policy check for AssumeRoleWithWebIdentity ("Creating a role for web identity or OpenID
 * Connect federation"; "Available keys for AWS web identity federation").
 *
 * The caller is the federated principal {Federated: provider}; the role's trust policy is the only
 * policy consulted (a web identity has no identity-based policies of its own). Condition keys are
 * named after the provider: "accounts.google.com:aud", "cognito-identity.amazonaws.com:amr",
 * "<issuer host/path>:sub" for an OIDC provider registered as
 * "arn:aws:iam::<account>:oidc-provider/<issuer host/path>".
 */

export const ASSUME_ROLE_WITH_WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';

export interface WebIdentityTrustRequest {
  /** As written in trust policies: a well-known provider host or an OIDC provider ARN. */
  readonly provider: string;
  /** The role being assumed (the trust policy's implicit resource). */
  readonly roleArn: string;
  /** Condition keys, e.g. from webIdentityContext(); may add aws:* keys such as aws:SourceIp. */
  readonly context?: RequestContext;
  /** Defaults to sts:AssumeRoleWithWebIdentity; sts:TagSession is checked the same way. */
  readonly action?: string;
}

export function evaluateWebIdentityTrust(
  trustPolicy: PolicyDocument,
  request: WebIdentityTrustRequest,
): Decision {
  return evaluate(
    {
      action: request.action ?? ASSUME_ROLE_WITH_WEB_IDENTITY,
      resource: request.roleArn,
      principal: { type: 'Federated', id: request.provider },
      context: request.context,
    },
    { resource: [trustPolicy] },
  );
}

const OIDC_PROVIDER_ARN = /^arn:[a-z0-9-]+:iam::\d{12}:oidc-provider\/(.+)$/;

/** The prefix of a provider's condition keys: an OIDC provider ARN's issuer part, else the provider. */
export function webIdentityKeyPrefix(provider: string): string {
  const m = OIDC_PROVIDER_ARN.exec(provider);
  return m ? m[1] : provider;
}

/**
 * Condition keys for a set of token claims: { aud, sub, amr } for provider "accounts.google.com"
 * become "accounts.google.com:aud" and so on. Which claims feed which key is the provider's
 * business (Cognito puts the identity pool id in :aud and the identity id in :sub; Google's :aud is
 * the token's azp when present and :oaud its aud); this only names them. Arrays stay multivalued,
 * as "cognito-identity.amazonaws.com:amr" must be for ForAnyValue:StringLike.
 */
export function webIdentityContext(
  provider: string,
  claims: Readonly<Record<string, ContextValue>>,
): Record<string, ContextValue> {
  const prefix = webIdentityKeyPrefix(provider);
  const out: Record<string, ContextValue> = {};
  for (const [claim, value] of Object.entries(claims)) {
    if (value !== undefined && value !== null) out[`${prefix}:${claim}`] = value;
  }
  return out;
}
