import { GetWebIdentityTokenRequest, Tag } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { DEFAULT_IDENTITY_TOKEN_SECONDS } from '@idfed/session-credentials';
import { StsErrors } from '../common/iam-errors';
import { refuseDuplicateTagKeys } from '../sts/session-tags';
import { isSigningAlgorithm, SigningAlgorithm } from './outbound-signing-keys';

/**
 * The largest token payload (its JSON, in bytes) idfed signs. AWS documents a maximum without a
 * number; this one holds every claim idfed adds and a few dozen ordinary tags (ADR 0086).
 */
export const MAX_TOKEN_PAYLOAD_BYTES = 8192;

/** The namespace AWS's own claims go under ("Understanding token claims", IAM User Guide). */
export const STS_CLAIMS_NAMESPACE = 'https://sts.amazonaws.com/';

/** What a GetWebIdentityToken request asks for, once checked. */
export interface TokenPlan {
  algorithm: SigningAlgorithm;
  durationSeconds: number;
  audiences: string[];
  tags: Tag[];
}

/**
 * The checks beyond botocore's shapes (the gateway has checked those), as STS documents them:
 * TokenType excludes SubjectMode and Scope; OriginIdentity needs a trusted identity propagation
 * context and a JWT-SVID a workload identity, neither of which an idfed session has; Scope needs
 * OriginIdentity; the algorithm is RS256 or ES384; tag keys are case-insensitive.
 */
export function planWebIdentityToken(req: GetWebIdentityTokenRequest): TokenPlan {
  if (req.TokenType !== undefined && (req.SubjectMode !== undefined || req.Scope !== undefined)) {
    throw StsErrors.validation('TokenType cannot be specified together with SubjectMode or Scope.');
  }
  if (req.TokenType === 'JWT_SVID') {
    throw StsErrors.validation(
      'A JWT-SVID can be requested only with the credentials of a role session that has a workload identity.',
    );
  }
  if (req.SubjectMode === 'OriginIdentity') {
    throw StsErrors.validation(
      'SubjectMode OriginIdentity requires aws:OriginIdentity/Subject in the trusted identity propagation context of the calling session.',
    );
  }
  if (req.Scope !== undefined) {
    throw StsErrors.validation('Scope can be specified only when SubjectMode is OriginIdentity.');
  }
  if (!isSigningAlgorithm(req.SigningAlgorithm)) {
    throw StsErrors.validation(
      `1 validation error detected: Value '${req.SigningAlgorithm}' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RS256, ES384]`,
    );
  }
  refuseDuplicateTagKeys(req.Tags);
  const reserved = (req.Tags ?? []).find((t) => t.Key.toLowerCase().startsWith('aws:'));
  if (reserved) {
    throw new ServiceError(
      'InvalidParameterValue',
      `Tag keys beginning with 'aws:' are reserved for AWS use: ${reserved.Key}`,
    );
  }
  return {
    algorithm: req.SigningAlgorithm,
    durationSeconds: req.DurationSeconds ?? DEFAULT_IDENTITY_TOKEN_SECONDS,
    audiences: req.Audience,
    tags: (req.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' })),
  };
}

/** Who the token is about. */
export interface TokenSubject {
  /** The principal's ARN: a role's (not its session's), an IAM user's, or the account root's. */
  principalArn: string;
  accountId: string;
  region: string | undefined;
  principalTags: Tag[];
}

/**
 * The token's claims: the standard ones (iss, sub, aud: one string or a list, iat, exp, jti) and
 * AWS's under `https://sts.amazonaws.com/` (aws_account, source_region, principal_id,
 * principal_tags, request_tags: the last two only when there are some).
 */
export function webIdentityTokenClaims(
  issuer: string,
  subject: TokenSubject,
  plan: TokenPlan,
  issuedAtSeconds: number,
  jti: string,
): Record<string, unknown> {
  const sts: Record<string, unknown> = {
    aws_account: subject.accountId,
    ...(subject.region ? { source_region: subject.region } : {}),
    principal_id: subject.principalArn,
  };
  if (subject.principalTags.length) sts.principal_tags = tagObject(subject.principalTags);
  if (plan.tags.length) sts.request_tags = tagObject(plan.tags);
  return {
    iss: issuer,
    sub: subject.principalArn,
    aud: plan.audiences.length === 1 ? plan.audiences[0] : plan.audiences,
    iat: issuedAtSeconds,
    exp: issuedAtSeconds + plan.durationSeconds,
    jti,
    [STS_CLAIMS_NAMESPACE]: sts,
  };
}

/** JWTPayloadSizeExceededException when the claims' JSON is over MAX_TOKEN_PAYLOAD_BYTES. */
export function refuseOversizedPayload(claims: Record<string, unknown>): void {
  const size = Buffer.byteLength(JSON.stringify(claims), 'utf8');
  if (size > MAX_TOKEN_PAYLOAD_BYTES) {
    throw new ServiceError(
      'JWTPayloadSizeExceededException',
      `The token payload size (${size} bytes) exceeds the maximum allowed size (${MAX_TOKEN_PAYLOAD_BYTES} bytes). Reduce the number of request tags.`,
    );
  }
}

function tagObject(tags: readonly Tag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.Key, t.Value ?? '']));
}
