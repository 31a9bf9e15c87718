import { CreateUserPoolDomainRequest } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { RequestValidator } from '../common/validate';

/** Cognito's DomainType: lower-case letters, digits and inner hyphens, at most 63. */
const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Words Cognito keeps out of prefix domains. */
const RESERVED = ['aws', 'amazon', 'cognito'];

/**
 * The checks of Create/UpdateUserPoolDomain's members. A custom domain (CustomDomainConfig) needs
 * a certificate idfed would serve it with; that listener does not exist yet, so it is refused
 * rather than stored and silently served over plain HTTP.
 */
export function checkDomainRequest(req: CreateUserPoolDomainRequest): number {
  RequestValidator.of(req)
    .string('UserPoolId', { required: true, min: 1, max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ })
    .string('Domain', { required: true, min: 1, max: 63, pattern: PREFIX })
    .check();
  if (req.CustomDomainConfig !== undefined) {
    throw CognitoErrors.invalidParameter(
      'Custom domains are not supported by this server: create a prefix domain without CustomDomainConfig.',
    );
  }
  const reserved = RESERVED.find((w) => req.Domain.includes(w));
  if (reserved) throw CognitoErrors.invalidParameter(`Domain cannot contain reserved word: ${reserved}`);
  const version = req.ManagedLoginVersion ?? 1;
  if (version !== 1 && version !== 2) {
    throw CognitoErrors.invalidParameter('ManagedLoginVersion must be 1 or 2.');
  }
  return version;
}

export const noSuchDomain = () => CognitoErrors.invalidParameter('No such domain or user pool exists.');
