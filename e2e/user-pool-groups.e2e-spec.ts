import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { randomBytes } from 'node:crypto';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createPasswordPool, newSignedInUser, PasswordPool, signIn } from './support/user-pools';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const ACCOUNT = '000000000000';
const PASSWORD = 'Groups-Pass1!';

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * User pool groups through the unchanged AWS SDK: CRUD and membership, the group claims in the
 * tokens (sign-in and refresh), and what they are for: an identity pool's Token role mapping gives
 * a user in a group with a role credentials for that role, and denies a user in no group.
 */
describe('user pool groups', () => {
  const system = e2eSystem();
  const adminCreds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const anonymous = { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const iam = new IAMClient({ ...base, credentials: adminCreds });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: adminCreds });
  const identityApp = new CognitoIdentityClient({ ...base, credentials: anonymous });
  let idpAdmin: CognitoIdentityProviderClient;
  let idpApp: CognitoIdentityProviderClient;
  const suffix = randomBytes(3).toString('hex');
  const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}-${suffix}`;
  let pool: PasswordPool;
  let identityPoolId: string;

  async function createRole(name: string) {
    await createIdentityPoolRole(iam, `${name}-${suffix}`, identityPoolId, 'authenticated');
  }

  async function callerOf(idToken: string): Promise<string> {
    const credentials = fromCognitoIdentityPool({
      clientConfig: { ...base, credentials: anonymous },
      identityPoolId,
      logins: { [pool.providerName]: idToken },
    });
    const sts = new STSClient({ ...base, credentials });
    try {
      return (await sts.send(new GetCallerIdentityCommand({}))).Arn!;
    } finally {
      sts.destroy();
    }
  }

  beforeAll(async () => {
    idpAdmin = cognitoAdmin(system);
    idpApp = cognitoPublic(system);
    pool = await createPasswordPool(idpAdmin, system.endpoint, 'grouped-users');
    const created = await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'groups',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: pool.providerName, ClientId: pool.clientId }],
      }),
    );
    identityPoolId = created.IdentityPoolId!;
    await createRole('editors');
    await createRole('viewers');
    await createRole('members');
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: identityPoolId,
        Roles: { authenticated: roleArn('members') },
        RoleMappings: {
          [`${pool.providerName}:${pool.clientId}`]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
        },
      }),
    );
  });

  afterAll(() => {
    for (const c of [iam, identityAdmin, identityApp, idpAdmin, idpApp]) c.destroy();
  });

  it('creates, reads, updates, lists and deletes groups', async () => {
    const UserPoolId = pool.userPoolId;
    const { Group } = await idpAdmin.send(
      new CreateGroupCommand({
        UserPoolId,
        GroupName: 'Crud',
        Description: 'first',
        RoleArn: roleArn('viewers'),
        Precedence: 4,
      }),
    );
    expect(Group).toMatchObject({
      GroupName: 'Crud',
      UserPoolId,
      Description: 'first',
      RoleArn: roleArn('viewers'),
      Precedence: 4,
    });
    expect(Group!.CreationDate).toBeInstanceOf(Date);
    await expectAwsError(
      idpAdmin.send(new CreateGroupCommand({ UserPoolId, GroupName: 'Crud' })),
      'GroupExistsException',
    );
    // Names are case-sensitive: another case is another group.
    await idpAdmin.send(new CreateGroupCommand({ UserPoolId, GroupName: 'crud' }));
    await expectAwsError(
      idpAdmin.send(
        new CreateGroupCommand({ UserPoolId, GroupName: 'bad-role', RoleArn: 'arn:aws:s3:::bucket-name' }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      idpAdmin.send(new CreateGroupCommand({ UserPoolId, GroupName: 'bad-precedence', Precedence: -1 })),
      'InvalidParameterException',
    );

    const updated = await idpAdmin.send(
      new UpdateGroupCommand({ UserPoolId, GroupName: 'Crud', Description: 'second', Precedence: 2 }),
    );
    expect(updated.Group).toMatchObject({
      Description: 'second',
      Precedence: 2,
      RoleArn: roleArn('viewers'),
    });
    expect((await idpAdmin.send(new GetGroupCommand({ UserPoolId, GroupName: 'Crud' }))).Group).toMatchObject(
      {
        Description: 'second',
        Precedence: 2,
      },
    );

    const first = await idpAdmin.send(new ListGroupsCommand({ UserPoolId, Limit: 1 }));
    expect(first.Groups).toHaveLength(1);
    expect(first.NextToken).toBeDefined();
    const rest = await idpAdmin.send(new ListGroupsCommand({ UserPoolId, NextToken: first.NextToken }));
    const names = [...first.Groups!, ...rest.Groups!].map((g) => g.GroupName);
    expect(names).toEqual(expect.arrayContaining(['Crud', 'crud']));
    expect(rest.NextToken).toBeUndefined();

    await idpAdmin.send(new DeleteGroupCommand({ UserPoolId, GroupName: 'crud' }));
    const missing = idpAdmin.send(new GetGroupCommand({ UserPoolId, GroupName: 'crud' }));
    await expectAwsError(missing, 'ResourceNotFoundException', 'Group not found.');
    await expectAwsError(
      idpAdmin.send(new DeleteGroupCommand({ UserPoolId, GroupName: 'crud' })),
      'ResourceNotFoundException',
    );
    await idpAdmin.send(new DeleteGroupCommand({ UserPoolId, GroupName: 'Crud' }));
  });

  it('adds, lists and removes members', async () => {
    const UserPoolId = pool.userPoolId;
    const username = `member-${suffix}`;
    await newSignedInUser(idpAdmin, idpApp, pool, username, PASSWORD);
    await idpAdmin.send(new CreateGroupCommand({ UserPoolId, GroupName: 'team' }));
    await idpAdmin.send(
      new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: 'team' }),
    );
    // Adding twice is not an error.
    await idpAdmin.send(
      new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: 'team' }),
    );
    const groups = await idpAdmin.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: username }));
    expect(groups.Groups!.map((g) => g.GroupName)).toEqual(['team']);
    const users = await idpAdmin.send(new ListUsersInGroupCommand({ UserPoolId, GroupName: 'team' }));
    expect(users.Users!.map((u) => u.Username)).toEqual([username]);

    await expectAwsError(
      idpAdmin.send(
        new AdminAddUserToGroupCommand({ UserPoolId, Username: 'nobody-here', GroupName: 'team' }),
      ),
      'UserNotFoundException',
    );
    await expectAwsError(
      idpAdmin.send(
        new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: 'no-such-group' }),
      ),
      'ResourceNotFoundException',
    );

    await idpAdmin.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId, Username: username, GroupName: 'team' }),
    );
    expect(
      (await idpAdmin.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: username }))).Groups,
    ).toEqual([]);
    // Deleting a group takes its memberships along.
    await idpAdmin.send(
      new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: 'team' }),
    );
    await idpAdmin.send(new DeleteGroupCommand({ UserPoolId, GroupName: 'team' }));
    expect(
      (await idpAdmin.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: username }))).Groups,
    ).toEqual([]);
  });

  it('puts the group claims in the tokens at sign-in and at refresh', async () => {
    const UserPoolId = pool.userPoolId;
    const username = `claims-${suffix}`;
    await newSignedInUser(idpAdmin, idpApp, pool, username, PASSWORD);
    await idpAdmin.send(
      new CreateGroupCommand({
        UserPoolId,
        GroupName: 'claim-editors',
        RoleArn: roleArn('editors'),
        Precedence: 1,
      }),
    );
    await idpAdmin.send(
      new CreateGroupCommand({
        UserPoolId,
        GroupName: 'claim-viewers',
        RoleArn: roleArn('viewers'),
        Precedence: 5,
      }),
    );
    for (const GroupName of ['claim-editors', 'claim-viewers']) {
      await idpAdmin.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName }));
    }
    const signedIn = await signIn(idpApp, pool, username, PASSWORD);
    const refreshed = (
      await idpApp.send(
        new InitiateAuthCommand({
          ClientId: pool.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: signedIn.RefreshToken! },
        }),
      )
    ).AuthenticationResult!;
    for (const tokens of [signedIn, refreshed]) {
      const id = claimsOf(tokens.IdToken!);
      expect(id['cognito:groups']).toEqual(['claim-editors', 'claim-viewers']);
      expect(id['cognito:roles']).toEqual([roleArn('editors'), roleArn('viewers')]);
      expect(id['cognito:preferred_role']).toBe(roleArn('editors'));
      const access = claimsOf(tokens.AccessToken!);
      expect(access['cognito:groups']).toEqual(['claim-editors', 'claim-viewers']);
      expect(access).not.toHaveProperty('cognito:roles');
    }
  });

  it("gives a grouped user their group's role through a Token role mapping", async () => {
    const username = `editor-${suffix}`;
    await newSignedInUser(idpAdmin, idpApp, pool, username, PASSWORD);
    await idpAdmin.send(
      new CreateGroupCommand({
        UserPoolId: pool.userPoolId,
        GroupName: 'editors',
        RoleArn: roleArn('editors'),
        Precedence: 0,
      }),
    );
    await idpAdmin.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: pool.userPoolId,
        Username: username,
        GroupName: 'editors',
      }),
    );
    const { IdToken } = await signIn(idpApp, pool, username, PASSWORD);
    expect(await callerOf(IdToken!)).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/editors-${suffix}/CognitoIdentityCredentials`,
    );
  });

  it('denies a user in no group, as AmbiguousRoleResolution Deny says', async () => {
    const { IdToken } = await newSignedInUser(idpAdmin, idpApp, pool, `loner-${suffix}`, PASSWORD);
    const logins = { [pool.providerName]: IdToken! };
    const { IdentityId } = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }),
    );
    await expectAwsError(
      identityApp.send(new GetCredentialsForIdentityCommand({ IdentityId: IdentityId!, Logins: logins })),
      'NotAuthorizedException',
    );
    await expectAwsError(callerOf(IdToken!), 'NotAuthorizedException');
  });
});
