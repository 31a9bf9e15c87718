import { ResourceServerRequest, ResourceServerScopeType, ResourceServerType } from '@idfed/contracts';
import type { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { ResourceServerEntity } from '../database/entities';

/** Cognito's quotas: resource servers per pool, scopes per resource server. */
export const MAX_RESOURCE_SERVERS = 25;
export const MAX_SCOPES = 100;
export const MAX_RESOURCE_SERVERS_PAGE = 50;

export const ResourceServerPatterns = {
  identifier: /^[\x21\x23-\x5B\x5D-\x7E]+$/,
  name: /^[\w\s+=,.@-]+$/,
  scopeName: /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/,
};

export function identifierRequest(req: { UserPoolId: string; Identifier: string }): AwsRequestValidator {
  return RequestValidator.of(req)
    .string('UserPoolId', Members.userPoolId)
    .string('Identifier', { required: true, min: 1, max: 256, pattern: ResourceServerPatterns.identifier });
}

/** Create's and Update's members; the scopes, each named once, in the order given. */
export function checkResourceServer(req: ResourceServerRequest): ResourceServerScopeType[] {
  identifierRequest(req)
    .string('Name', { required: true, min: 1, max: 256, pattern: ResourceServerPatterns.name })
    .check();
  const scopes = req.Scopes ?? [];
  if (!Array.isArray(scopes)) throw CognitoErrors.invalidParameter('Scopes must be a list.');
  if (scopes.length > MAX_SCOPES) {
    throw CognitoErrors.invalidParameter(`A resource server may have at most ${MAX_SCOPES} scopes.`);
  }
  const seen = new Set<string>();
  return scopes.map((scope, i) => {
    const v = RequestValidator.of(scope)
      .string('ScopeName', { required: true, min: 1, max: 256, pattern: ResourceServerPatterns.scopeName })
      .string('ScopeDescription', { required: true, min: 1, max: 256 });
    v.check((message) => CognitoErrors.invalidParameter(`Scopes.${i + 1}: ${message}`));
    if (seen.has(scope.ScopeName)) {
      throw CognitoErrors.invalidParameter(`Scope ${scope.ScopeName} is given more than once.`);
    }
    seen.add(scope.ScopeName);
    return { ScopeName: scope.ScopeName, ScopeDescription: scope.ScopeDescription };
  });
}

export function toResourceServerType(server: ResourceServerEntity): ResourceServerType {
  return {
    UserPoolId: server.poolId,
    Identifier: server.identifier,
    Name: server.name,
    Scopes: server.scopes,
  };
}
