import { internalOperation, queryApi } from '../operations';
import { Tag } from './wire-types';

const svc = 'credential-vending' as const;
const iamApi = queryApi(svc, 'iam');
const stsApi = queryApi(svc, 'sts');
type Empty = Record<string, never>;

export interface EnableOutboundWebIdentityFederationResult {
  IssuerIdentifier: string;
}
export interface GetOutboundWebIdentityFederationInfoResult {
  IssuerIdentifier: string;
  JwtVendingEnabled: boolean;
}

export interface GetWebIdentityTokenRequest {
  Audience: string[];
  DurationSeconds?: number;
  SigningAlgorithm: string;
  Tags?: Tag[];
  Scope?: string;
  SubjectMode?: 'AWSIdentity' | 'OriginIdentity';
  TokenType?: 'AWSIdentity' | 'JWT_SVID';
}
export interface GetWebIdentityTokenResult {
  WebIdentityToken: string;
  /** ISO 8601; written as an XML timestamp. */
  Expiration: string;
}

export interface OutboundIssuerRequest {
  /** The issuer's id: the last path segment of its URL. */
  IssuerId: string;
}
/** The issuer's public keys (JWK) and its URL, for the gateway's discovery document and JWKS. */
export interface OutboundIssuerJwksResult {
  Issuer: string;
  keys: Record<string, string>[];
}

/**
 * IAM outbound identity federation and STS GetWebIdentityToken (ADR 0086), spread into
 * CredentialVendingOperations; GetOutboundIssuerJwks is the gateway's, for the issuer's keys.
 */
export const OutboundFederationOperations = {
  EnableOutboundWebIdentityFederation: iamApi.operation<Empty, EnableOutboundWebIdentityFederationResult>()(
    'EnableOutboundWebIdentityFederation',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  DisableOutboundWebIdentityFederation: iamApi.operation<Empty, Empty>()(
    'DisableOutboundWebIdentityFederation',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  GetOutboundWebIdentityFederationInfo: iamApi.operation<Empty, GetOutboundWebIdentityFederationInfoResult>()(
    'GetOutboundWebIdentityFederationInfo',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  GetWebIdentityToken: stsApi.operation<GetWebIdentityTokenRequest, GetWebIdentityTokenResult>()(
    'GetWebIdentityToken',
    'signed',
    {
      rateLimit: 'StsAssumeRole',
      hasResult: true,
      integers: ['DurationSeconds'],
    },
  ),
  GetOutboundIssuerJwks: internalOperation<OutboundIssuerRequest, OutboundIssuerJwksResult>()(
    svc,
    'GetOutboundIssuerJwks',
    ['NoSuchEntity'],
  ),
} as const;
