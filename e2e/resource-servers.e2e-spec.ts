import {
  CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolCommand,
  DeleteResourceServerCommand,
  DescribeResourceServerCommand,
  ListResourceServersCommand,
  UpdateResourceServerCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';

/**
 * OAuth 2.0 resource servers and their custom scopes through the unchanged AWS SDK: the CRUD,
 * Cognito's limits (25 per pool, 100 scopes), and the refusals leaving nothing behind.
 */
describe('resource servers', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;

  async function newPool(name: string): Promise<string> {
    return (await admin.send(new CreateUserPoolCommand({ PoolName: name }))).UserPool!.Id!;
  }

  async function identifiers(UserPoolId: string): Promise<string[]> {
    const { ResourceServers } = await admin.send(
      new ListResourceServersCommand({ UserPoolId, MaxResults: 50 }),
    );
    return ResourceServers!.map((r) => r.Identifier!);
  }

  beforeAll(() => {
    admin = cognitoAdmin(system);
  });
  afterAll(() => admin.destroy());

  it('creates, describes, updates, lists and deletes a resource server', async () => {
    const UserPoolId = await newPool('resource-servers');
    const Scopes = [
      { ScopeName: 'read', ScopeDescription: 'Read the weather' },
      { ScopeName: 'write', ScopeDescription: 'Change the weather' },
    ];
    const created = await admin.send(
      new CreateResourceServerCommand({
        UserPoolId,
        Identifier: 'https://weather.example.com',
        Name: 'weather',
        Scopes,
      }),
    );
    expect(created.ResourceServer).toEqual({
      UserPoolId,
      Identifier: 'https://weather.example.com',
      Name: 'weather',
      Scopes,
    });
    const described = await admin.send(
      new DescribeResourceServerCommand({ UserPoolId, Identifier: 'https://weather.example.com' }),
    );
    expect(described.ResourceServer).toEqual(created.ResourceServer);

    // Update is the whole new state: scopes left out are gone.
    const updated = await admin.send(
      new UpdateResourceServerCommand({
        UserPoolId,
        Identifier: 'https://weather.example.com',
        Name: 'renamed',
      }),
    );
    expect(updated.ResourceServer).toEqual({
      UserPoolId,
      Identifier: 'https://weather.example.com',
      Name: 'renamed',
      Scopes: [],
    });
    await admin.send(new CreateResourceServerCommand({ UserPoolId, Identifier: 'billing', Name: 'billing' }));
    const first = await admin.send(new ListResourceServersCommand({ UserPoolId, MaxResults: 1 }));
    expect(first.ResourceServers!.map((r) => r.Identifier)).toEqual(['billing']);
    const second = await admin.send(
      new ListResourceServersCommand({ UserPoolId, MaxResults: 1, NextToken: first.NextToken }),
    );
    expect(second.ResourceServers!.map((r) => r.Identifier)).toEqual(['https://weather.example.com']);
    expect(second.NextToken).toBeUndefined();

    await admin.send(new DeleteResourceServerCommand({ UserPoolId, Identifier: 'billing' }));
    await expectAwsError(
      admin.send(new DescribeResourceServerCommand({ UserPoolId, Identifier: 'billing' })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new DeleteResourceServerCommand({ UserPoolId, Identifier: 'billing' })),
      'ResourceNotFoundException',
    );
    expect(await identifiers(UserPoolId)).toEqual(['https://weather.example.com']);
  });

  it("refuses duplicates, bad scopes, other pools' servers and more than Cognito allows", async () => {
    const UserPoolId = await newPool('resource-server-rules');
    const other = await newPool('resource-server-other');
    await admin.send(
      new CreateResourceServerCommand({ UserPoolId: other, Identifier: 'theirs', Name: 'theirs' }),
    );
    for (const call of [
      admin.send(new DescribeResourceServerCommand({ UserPoolId, Identifier: 'theirs' })),
      admin.send(new UpdateResourceServerCommand({ UserPoolId, Identifier: 'theirs', Name: 'mine' })),
      admin.send(new DeleteResourceServerCommand({ UserPoolId, Identifier: 'theirs' })),
      admin.send(
        new CreateResourceServerCommand({ UserPoolId: 'us-east-1_nothere00', Identifier: 'x', Name: 'x' }),
      ),
    ]) {
      await expectAwsError(call, 'ResourceNotFoundException');
    }
    expect(
      (await admin.send(new DescribeResourceServerCommand({ UserPoolId: other, Identifier: 'theirs' })))
        .ResourceServer!.Name,
    ).toBe('theirs');

    await admin.send(new CreateResourceServerCommand({ UserPoolId, Identifier: 'api', Name: 'api' }));
    const scope = (ScopeName: string, ScopeDescription = 'd') => ({ ScopeName, ScopeDescription });
    const refused = [
      new CreateResourceServerCommand({ UserPoolId, Identifier: 'api', Name: 'again' }),
      new CreateResourceServerCommand({
        UserPoolId,
        Identifier: 'dup',
        Name: 'dup',
        Scopes: [scope('a'), scope('a')],
      }),
      new CreateResourceServerCommand({
        UserPoolId,
        Identifier: 'slash',
        Name: 'slash',
        Scopes: [scope('a/b')],
      }),
      new CreateResourceServerCommand({
        UserPoolId,
        Identifier: 'empty',
        Name: 'e',
        Scopes: [scope('a', '')],
      }),
      new CreateResourceServerCommand({
        UserPoolId,
        Identifier: 'many',
        Name: 'many',
        Scopes: Array.from({ length: 101 }, (_, i) => scope(`s${i}`)),
      }),
      new CreateResourceServerCommand({ UserPoolId, Identifier: 'has space', Name: 'x' }),
      new CreateResourceServerCommand({ UserPoolId, Identifier: 'x'.repeat(257), Name: 'x' }),
      new CreateResourceServerCommand({ UserPoolId, Identifier: 'badname', Name: 'semi;colon' }),
    ];
    for (const command of refused) await expectAwsError(admin.send(command), 'InvalidParameterException');
    await expectAwsError(
      admin.send(new ListResourceServersCommand({ UserPoolId, MaxResults: 5, NextToken: 'forged' })),
      'InvalidParameterException',
    );
    expect(await identifiers(UserPoolId)).toEqual(['api']);

    // 100 scopes is the most; 25 servers per pool.
    await admin.send(
      new UpdateResourceServerCommand({
        UserPoolId,
        Identifier: 'api',
        Name: 'api',
        Scopes: Array.from({ length: 100 }, (_, i) => scope(`s${i}`)),
      }),
    );
    for (let i = 1; i < 25; i++) {
      await admin.send(
        new CreateResourceServerCommand({ UserPoolId, Identifier: `srv${i}`, Name: `srv${i}` }),
      );
    }
    await expectAwsError(
      admin.send(new CreateResourceServerCommand({ UserPoolId, Identifier: 'one-too-many', Name: 'x' })),
      'LimitExceededException',
    );
    expect((await identifiers(UserPoolId)).length).toBe(25);
  });
});
