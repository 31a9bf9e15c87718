import { certificateProblem } from '@idfed/config';
import { CreateUserPoolDomainRequest } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { RequestValidator } from '../common/validate';

/** Cognito's DomainType: lower-case letters, digits and inner hyphens, at most 63. */
const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Words Cognito keeps out of prefix domains. */
const RESERVED = ['aws', 'amazon', 'cognito'];

/** A custom domain: a host name of two labels or more (Cognito's Domain is at most 63 long). */
const HOST_NAME =
  /^(?=.{1,63}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const SECURITY_POLICIES = ['TLS_V1', 'TLS_V1_2_2021', 'TLS_V1_3_2025'];

/** Where custom domains' certificates are, and the prefix domains' host suffix (ADR 0049). */
export interface CustomDomainSettings {
  certDir?: string;
  authDomainSuffix: string;
}

/** Whether a domain name is a custom domain's (a host name) rather than a prefix. */
export const isCustomDomainName = (domain: string): boolean => domain.includes('.');

/**
 * The checks of Create/UpdateUserPoolDomain's members. A prefix domain is one label; a custom
 * domain (CustomDomainConfig) is a host name whose certificate the operator has put in
 * `IDFED_CUSTOM_DOMAIN_CERT_DIR` (ADR 0049): the ARN must name a certificate there that covers the
 * name, is valid now and has its key. Without that directory custom domains are refused.
 */
export function checkDomainRequest(
  req: CreateUserPoolDomainRequest,
  custom: CustomDomainSettings,
  operation: 'create' | 'update' = 'create',
): number {
  const customConfig = req.CustomDomainConfig;
  const customName = typeof req.Domain === 'string' && isCustomDomainName(req.Domain);
  RequestValidator.of(req)
    .string('UserPoolId', { required: true, min: 1, max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ })
    .string('Domain', { required: true, min: 1, max: 63, pattern: customName ? HOST_NAME : PREFIX })
    .check();
  if (customConfig !== undefined && !customName)
    throw CognitoErrors.invalidParameter('A custom domain must be a fully qualified domain name.');
  // UpdateUserPoolDomain may keep a custom domain's certificate; CreateUserPoolDomain needs one.
  if (customConfig === undefined && customName && operation === 'create')
    throw CognitoErrors.invalidParameter('A domain that is not a prefix needs CustomDomainConfig.');
  if (customConfig !== undefined) checkCustomDomain(req.Domain, customConfig, custom);
  const reserved = !customName && RESERVED.find((w) => req.Domain.includes(w));
  if (reserved) throw CognitoErrors.invalidParameter(`Domain cannot contain reserved word: ${reserved}`);
  const version = req.ManagedLoginVersion ?? 1;
  if (version !== 1 && version !== 2) {
    throw CognitoErrors.invalidParameter('ManagedLoginVersion must be 1 or 2.');
  }
  return version;
}

export const noSuchDomain = () => CognitoErrors.invalidParameter('No such domain or user pool exists.');

function checkCustomDomain(
  domain: string,
  config: NonNullable<CreateUserPoolDomainRequest['CustomDomainConfig']>,
  custom: CustomDomainSettings,
): void {
  if (!custom.certDir) {
    throw CognitoErrors.invalidParameter(
      'Custom domains are not enabled on this server (IDFED_CUSTOM_DOMAIN_CERT_DIR): create a prefix domain without CustomDomainConfig.',
    );
  }
  if (typeof config !== 'object' || config === null || typeof config.CertificateArn !== 'string')
    throw CognitoErrors.invalidParameter('CustomDomainConfig.CertificateArn is required.');
  if (config.SecurityPolicy !== undefined && !SECURITY_POLICIES.includes(config.SecurityPolicy))
    throw CognitoErrors.invalidParameter(`SecurityPolicy must be one of ${SECURITY_POLICIES.join(', ')}.`);
  if (domain === custom.authDomainSuffix || domain.endsWith(`.${custom.authDomainSuffix}`))
    throw CognitoErrors.invalidParameter("A custom domain cannot be under the prefix domains' suffix.");
  const problem = certificateProblem(custom.certDir, config.CertificateArn, domain);
  if (problem) throw CognitoErrors.invalidParameter(problem);
}

/**
 * What a custom domain's DNS name points at (Cognito's CloudFront distribution): the host of
 * idfed's public URL, where the custom-domain HTTPS listener runs beside the HTTP port.
 */
export const customDomainTarget = (publicUrl: string): string => new URL(publicUrl).hostname;
