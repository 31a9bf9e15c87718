import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetPrincipalTagAttributeMapCommand,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { authorizeDeviceRequest } from './support/authorize';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createPasswordPool, newSignedInUser } from './support/user-pools';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * Identity pools' attributes for access control (ADR 0041): SetPrincipalTagAttributeMap maps a
 * provider's token claims to session tags, which the enhanced flow's credentials carry as
 * aws:PrincipalTag (the role's trust policy must allow sts:TagSession, as AWS documents).
 */
describe('identity pool principal tags: Set/GetPrincipalTagAttributeMap and aws:PrincipalTag', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const anonymous = { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const iam = new IAMClient({ ...base, credentials: admin });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: admin });
  const identityApp = new CognitoIdentityClient({ ...base, credentials: anonymous });
  const suffix = randomBytes(3).toString('hex');
  let idpAdmin: CognitoIdentityProviderClient;
  let idpApp: CognitoIdentityProviderClient;
  let pool: { userPoolId: string; clientId: string; providerName: string };
  let identityPoolId: string;

  async function authorize(device: Creds, action: string, resource: string) {
    return authorizeDeviceRequest(device, { action, resource });
  }

  /** A role for the pool's authenticated identities; `tagSession` adds sts:TagSession to its trust. */
  async function poolRole(name: string, tagSession: boolean): Promise<string> {
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: `${name}-${suffix}`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: 'cognito-identity.amazonaws.com' },
              Action: tagSession
                ? ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']
                : 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
                'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
              },
            },
          ],
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: `${name}-${suffix}`,
        PolicyName: 'own-client-docs',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'docs:GetDocument',
              Resource: 'arn:aws:docs:::client/${aws:PrincipalTag/client}/user/${aws:PrincipalTag/username}',
            },
          ],
        }),
      }),
    );
    return Role!.Arn!;
  }

  async function credentialsFor(username: string): Promise<Creds> {
    const idToken = (await newSignedInUser(idpAdmin, idpApp, pool, username, 'Tagged-Pass1!')).IdToken!;
    const logins = { [pool.providerName]: idToken };
    const { IdentityId } = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }),
    );
    const { Credentials } = await identityApp.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }),
    );
    return {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretKey!,
      sessionToken: Credentials!.SessionToken!,
    };
  }

  beforeAll(async () => {
    idpAdmin = cognitoAdmin(system);
    idpApp = cognitoPublic(system);
    pool = await createPasswordPool(idpAdmin, system.endpoint, 'tagged-users');
    const created = await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'tagged',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: pool.providerName, ClientId: pool.clientId }],
      }),
    );
    identityPoolId = created.IdentityPoolId!;
  });
  afterAll(() => {
    iam.destroy();
    identityAdmin.destroy();
    identityApp.destroy();
  });

  it('stores and answers a provider map as Cognito does, defaults spelled out', async () => {
    const never = await identityAdmin.send(
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: identityPoolId,
        IdentityProviderName: 'accounts.google.com',
      }),
    );
    expect(never).toMatchObject({
      IdentityPoolId: identityPoolId,
      IdentityProviderName: 'accounts.google.com',
      UseDefaults: false,
    });
    expect(never.PrincipalTags).toBeUndefined();

    const custom = await identityAdmin.send(
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: identityPoolId,
        IdentityProviderName: 'accounts.google.com',
        PrincipalTags: { department: 'custom:dept' },
      }),
    );
    expect(custom).toMatchObject({ UseDefaults: false, PrincipalTags: { department: 'custom:dept' } });
    const read = await identityAdmin.send(
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: identityPoolId,
        IdentityProviderName: 'accounts.google.com',
      }),
    );
    expect(read).toMatchObject({ UseDefaults: false, PrincipalTags: { department: 'custom:dept' } });

    const defaults = await identityAdmin.send(
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: identityPoolId,
        IdentityProviderName: pool.providerName,
        UseDefaults: true,
      }),
    );
    expect(defaults).toMatchObject({ UseDefaults: true, PrincipalTags: { client: 'aud', username: 'sub' } });
  });

  it('refuses an unknown pool and oversize maps, as Cognito does', async () => {
    await expectAwsError(
      identityAdmin.send(
        new SetPrincipalTagAttributeMapCommand({
          IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000',
          IdentityProviderName: 'x',
          UseDefaults: true,
        }),
      ),
      'ResourceNotFoundException',
    );
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'sub']));
    await expectAwsError(
      identityAdmin.send(
        new SetPrincipalTagAttributeMapCommand({
          IdentityPoolId: identityPoolId,
          IdentityProviderName: 'x',
          PrincipalTags: many,
        }),
      ),
      // Cognito Identity's model constraints (PrincipalTags: at most 50) are ValidationException on AWS.
      'ValidationException',
    );
    // Only the admin key (an IAM principal) manages a pool: an unsigned app cannot.
    await expectAwsError(
      identityApp.send(
        new SetPrincipalTagAttributeMapCommand({
          IdentityPoolId: identityPoolId,
          IdentityProviderName: 'x',
          UseDefaults: true,
        }),
      ),
      'UnrecognizedClientException',
    );
  });

  it('turns the mapped claims into aws:PrincipalTag of the enhanced flow credentials', async () => {
    const tagged = await poolRole('tagged', true);
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId, Roles: { authenticated: tagged } }),
    );
    await identityAdmin.send(
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: identityPoolId,
        IdentityProviderName: pool.providerName,
        UseDefaults: true,
      }),
    );
    const username = `tagged-${suffix}`;
    const creds = await credentialsFor(username);
    const { Users } = await idpAdmin.send(
      new (await import('@aws-sdk/client-cognito-identity-provider')).ListUsersCommand({
        UserPoolId: pool.userPoolId,
        Filter: `username = "${username}"`,
      }),
    );
    const sub = Users![0].Attributes!.find((a) => a.Name === 'sub')!.Value!;
    expect(
      (await authorize(creds, 'docs:GetDocument', `arn:aws:docs:::client/${pool.clientId}/user/${sub}`))
        .allowed,
    ).toBe(true);
    expect(
      (await authorize(creds, 'docs:GetDocument', `arn:aws:docs:::client/${pool.clientId}/user/someone-else`))
        .allowed,
    ).toBe(false);
  });

  it('refuses credentials when the role does not allow sts:TagSession and tags are mapped', async () => {
    const untagged = await poolRole('untagged', false);
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId, Roles: { authenticated: untagged } }),
    );
    await identityAdmin.send(
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: identityPoolId,
        IdentityProviderName: pool.providerName,
        UseDefaults: true,
      }),
    );
    await expectAwsError(credentialsFor(`untagged-${suffix}`), 'InvalidIdentityPoolConfigurationException');
  });
});
