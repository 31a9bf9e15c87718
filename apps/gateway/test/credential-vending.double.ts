import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  CredentialVendingOperations as C,
  ListRevocationsResult,
  RoleArnRequest,
  RolePermissionsResult,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';

/** Every envelope the credential-vending double received, newest last. */
export const receivedByCredentialVending: CommandEnvelope<Record<string, unknown>>[] = [];

/** What the double answers; tests change it. */
export const credentialVendingState: {
  revocations: ListRevocationsResult['Revocations'];
  permissions: Map<string, RolePermissionsResult>;
  revocationRequests: number;
} = { revocations: [], permissions: new Map(), revocationRequests: 0 };

/**
 * A stand-in for credential vending: records IAM/STS commands and answers them with fixed
 * results, so the gateway's Query adapter can be checked against the real AWS SDK clients.
 */
@Controller()
export class CredentialVendingDouble {
  @MessagePattern(C.CreateRole.pattern)
  createRole(@Payload() e: CommandEnvelope<Record<string, unknown>>) {
    receivedByCredentialVending.push(e);
    if (e.payload.RoleName === 'taken')
      throw new ServiceError('EntityAlreadyExists', 'Role with name taken already exists.');
    return {
      Role: {
        Path: '/',
        RoleName: e.payload.RoleName,
        RoleId: 'AROAAAAAAAAAAAAAAAAAA',
        Arn: `arn:aws:iam::000000000000:role/${String(e.payload.RoleName)}`,
        CreateDate: '2030-01-02T03:04:05Z',
        AssumeRolePolicyDocument: encodeURIComponent(String(e.payload.AssumeRolePolicyDocument)),
        MaxSessionDuration: e.payload.MaxSessionDuration ?? 3600,
        Tags: e.payload.Tags,
      },
    };
  }

  @MessagePattern(C.DeleteRole.pattern)
  deleteRole(@Payload() e: CommandEnvelope<Record<string, unknown>>) {
    receivedByCredentialVending.push(e);
    return {};
  }

  @MessagePattern(C.CreateOpenIDConnectProvider.pattern)
  createProvider(@Payload() e: CommandEnvelope<Record<string, unknown>>) {
    receivedByCredentialVending.push(e);
    return { OpenIDConnectProviderArn: 'arn:aws:iam::000000000000:oidc-provider/idp.example.test' };
  }

  @MessagePattern(C.ListOpenIDConnectProviders.pattern)
  listProviders(@Payload() e: CommandEnvelope<Record<string, unknown>>) {
    receivedByCredentialVending.push(e);
    return {
      OpenIDConnectProviderList: [
        { Arn: 'arn:aws:iam::000000000000:oidc-provider/a' },
        { Arn: 'arn:aws:iam::000000000000:oidc-provider/b' },
      ],
    };
  }

  @MessagePattern(C.AssumeRoleWithWebIdentity.pattern)
  assumeRoleWithWebIdentity(@Payload() e: CommandEnvelope<Record<string, unknown>>) {
    receivedByCredentialVending.push(e);
    if (e.payload.WebIdentityToken === 'expired')
      throw new ServiceError('ExpiredTokenException', 'Token expired');
    return {
      Credentials: {
        AccessKeyId: 'ASIAAAAAAAAAAAAAAAAA',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: '2030-01-02T04:04:05Z',
      },
      SubjectFromWebIdentityToken: 'user-1',
      AssumedRoleUser: {
        AssumedRoleId: 'AROAAAAAAAAAAAAAAAAAA:s',
        Arn: 'arn:aws:sts::000000000000:assumed-role/web/s',
      },
      Provider: 'https://idp.example.test',
      Audience: 'client-1',
    };
  }

  @MessagePattern(C.AssumeRole.pattern)
  assumeRole(@Payload() e: CommandEnvelope<Record<string, unknown>>) {
    receivedByCredentialVending.push(e);
    return {
      Credentials: {
        AccessKeyId: 'ASIABBBBBBBBBBBBBBBB',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: '2030-01-02T04:04:05Z',
      },
      AssumedRoleUser: { AssumedRoleId: 'AROAB:s2', Arn: 'arn:aws:sts::000000000000:assumed-role/other/s2' },
    };
  }

  @MessagePattern(C.ListRevocations.pattern)
  listRevocations(): ListRevocationsResult {
    credentialVendingState.revocationRequests++;
    return { Revocations: credentialVendingState.revocations, AsOf: new Date().toISOString() };
  }

  @MessagePattern(C.GetRolePermissions.pattern)
  permissions(@Payload() e: CommandEnvelope<RoleArnRequest>): RolePermissionsResult {
    const found = credentialVendingState.permissions.get(e.payload.RoleArn);
    if (!found) throw new ServiceError('NoSuchEntity', 'no such role');
    return found;
  }
}
