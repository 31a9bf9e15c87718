import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  ListIdentityPoolsCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListTagsForResourceCommand,
  ListUserPoolsCommand,
  UserPoolDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes, randomUUID } from 'node:crypto';
import { signRequest } from '../libs/sigv4/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import { e2eSystem } from './support/e2e-context';
import { ensureBoto3, runPython } from './support/python-clients';

interface Boto3RegionsRun {
  regions: Record<
    string,
    {
      poolId: string;
      arn: string;
      identityPoolId: string;
      listedRegions: string[];
      listedOwn: boolean;
      account: string;
    }
  >;
  crossRegionUserPool: { code: string; status: number } | null;
  crossRegionIdentityPool: { code: string; status: number } | null;
  notServed: { code: string; status: number } | null;
  stsNotServed: { code: string; status: number } | null;
}

/**
 * Every region an operator allows (issue 13 section 1, ADR 0032), with the AWS SDK v3 configured for
 * three regions in one run against one idfed: the system under test serves its home region
 * us-east-1 plus eu-west-1 and ap-southeast-2 (IDFED_REGIONS), and not us-west-2. What AWS does and
 * these tests hold idfed to:
 * - a user pool's id is `<region>_...` and its ARN names the region it was created in; an identity
 *   pool's and an identity's ids are `<region>:<uuid>` (Cognito API reference, CreateUserPool /
 *   CreateIdentityPool / GetId: "IdentityId ... Pattern: [\w-]+:[0-9a-f-]+");
 * - Cognito's endpoints are regional: a pool of one region is not found from another
 *   ("User pool <id> does not exist.", ResourceNotFoundException), and the List operations show the
 *   region's own pools;
 * - STS answers in every region and at the global endpoint (signed for us-east-1); IAM is global;
 * - a region the account may not use (an opt-in region not enabled) refuses the credentials:
 *   UnrecognizedClientException "The security token included in the request is invalid." from the
 *   JSON APIs, InvalidClientTokenId from STS (observed, e.g. aws/chalice#1445 for ap-east-1,
 *   SWO-GS/retro-tag#10).
 */
describe('every region (ADR 0032)', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const anonymous = { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' };
  const REGIONS = ['eu-west-1', 'ap-southeast-2', 'us-east-1'] as const;
  type Region = (typeof REGIONS)[number] | 'us-west-2';
  const base = (region: string) => ({ endpoint: system.endpoint, region, maxAttempts: 1 });
  const clients: { destroy(): void }[] = [];
  const keep = <T extends { destroy(): void }>(client: T): T => (clients.push(client), client);
  const idp = (region: Region) =>
    keep(new CognitoIdentityProviderClient({ ...base(region), credentials: admin }));
  const idpApp = (region: Region) =>
    keep(new CognitoIdentityProviderClient({ ...base(region), credentials: anonymous }));
  const identity = (region: Region) =>
    keep(new CognitoIdentityClient({ ...base(region), credentials: admin }));
  const identityApp = (region: Region) =>
    keep(new CognitoIdentityClient({ ...base(region), credentials: anonymous }));
  const suffix = randomBytes(3).toString('hex');

  /** One user pool per region, created by a client configured for that region. */
  const userPools = {} as Record<(typeof REGIONS)[number], { Id: string; Arn: string }>;

  beforeAll(async () => {
    for (const region of REGIONS) {
      const { UserPool } = await idp(region).send(
        new CreateUserPoolCommand({ PoolName: `regions-${region}` }),
      );
      userPools[region] = { Id: UserPool!.Id!, Arn: UserPool!.Arn! };
    }
  });

  afterAll(() => clients.forEach((c) => c.destroy()));

  async function allUserPools(region: Region): Promise<UserPoolDescriptionType[]> {
    const pools: UserPoolDescriptionType[] = [];
    let NextToken: string | undefined;
    do {
      const page = await idp(region).send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
      pools.push(...page.UserPools!);
      NextToken = page.NextToken;
    } while (NextToken);
    return pools;
  }

  it('creates a user pool in the region the client signed for: its id and ARN name that region', () => {
    for (const region of REGIONS) {
      expect(userPools[region].Id).toMatch(new RegExp(`^${region}_[0-9A-Za-z]{9}$`));
      expect(userPools[region].Arn).toBe(
        `arn:aws:cognito-idp:${region}:000000000000:userpool/${userPools[region].Id}`,
      );
    }
  });

  it("lists only the signed region's user pools, and finds a pool only in its own region", async () => {
    for (const region of REGIONS) {
      const listed = await allUserPools(region);
      expect(listed.map((p) => p.Id)).toContain(userPools[region].Id);
      expect(listed.every((p) => p.Id!.startsWith(`${region}_`))).toBe(true);
      const { UserPool } = await idp(region).send(
        new DescribeUserPoolCommand({ UserPoolId: userPools[region].Id }),
      );
      expect(UserPool!.Arn).toBe(userPools[region].Arn);
    }
    // Signed for eu-west-1, naming the ap-southeast-2 pool: not there, as on AWS.
    const other = userPools['ap-southeast-2'].Id;
    await expectAwsError(
      idp('eu-west-1').send(new DescribeUserPoolCommand({ UserPoolId: other })),
      'ResourceNotFoundException',
      {
        message: `User pool ${other} does not exist.`,
      },
    );
    await expectAwsError(
      idp('us-east-1').send(
        new AdminGetUserCommand({ UserPoolId: userPools['eu-west-1'].Id, Username: 'nobody' }),
      ),
      'ResourceNotFoundException',
      { message: `User pool ${userPools['eu-west-1'].Id} does not exist.` },
    );
    // Tags by ARN: the pool's own ARN from another region names nothing there either.
    await expectAwsError(
      idp('eu-west-1').send(new ListTagsForResourceCommand({ ResourceArn: userPools['ap-southeast-2'].Arn })),
      'ResourceNotFoundException',
    );
    expect(
      await idp('ap-southeast-2').send(
        new ListTagsForResourceCommand({ ResourceArn: userPools['ap-southeast-2'].Arn }),
      ),
    ).toMatchObject({ Tags: {} });
  });

  it('creates identity pools per region, lists them per region, and finds them only there', async () => {
    const made: Record<string, string> = {};
    for (const region of REGIONS) {
      const pool = await identity(region).send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: `regions_${suffix}`,
          AllowUnauthenticatedIdentities: true,
        }),
      );
      expect(pool.IdentityPoolId).toMatch(new RegExp(`^${region}:[0-9a-f-]{36}$`));
      made[region] = pool.IdentityPoolId!;
    }
    for (const region of REGIONS) {
      const listed: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await identity(region).send(new ListIdentityPoolsCommand({ MaxResults: 60, NextToken }));
        listed.push(...page.IdentityPools!.map((p) => p.IdentityPoolId!));
        NextToken = page.NextToken;
      } while (NextToken);
      expect(listed).toContain(made[region]);
      expect(listed.every((id) => id.startsWith(`${region}:`))).toBe(true);
    }
    await expectAwsError(
      identity('us-east-1').send(new DescribeIdentityPoolCommand({ IdentityPoolId: made['eu-west-1'] })),
      'ResourceNotFoundException',
      { message: `IdentityPool '${made['eu-west-1']}' not found.` },
    );
    // Unsigned GetId behind a plain host: the pool id says the region, and the identity is made there.
    const { IdentityId } = await identityApp('us-east-1').send(
      new GetIdCommand({ IdentityPoolId: made['ap-southeast-2'] }),
    );
    expect(IdentityId).toMatch(/^ap-southeast-2:[0-9a-f-]{36}$/);
  });

  it('signs in to a pool of a region other than the home one and gets credentials for it there', async () => {
    const region = 'ap-southeast-2';
    const poolId = userPools[region].Id;
    const { UserPoolClient } = await idp(region).send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const password = `Region-${suffix}-Pass1!`;
    await idp(region).send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'traveller', MessageAction: 'SUPPRESS' }),
    );
    await idp(region).send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'traveller',
        Password: password,
        Permanent: true,
      }),
    );
    const { AuthenticationResult } = await idpApp(region).send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'traveller', PASSWORD: password },
      }),
    );
    const idToken = AuthenticationResult!.IdToken!;
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString()) as { iss: string };
    // The issuer is per pool, so per region: `<public URL>/<pool id>` (AWS: cognito-idp.<region>.amazonaws.com/<pool id>).
    expect(claims.iss).toBe(`${system.endpoint}/${poolId}`);
    expect(
      (await idpApp(region).send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken! })))
        .Username,
    ).toBe('traveller');

    const providerName = `${new URL(system.endpoint).host}/${poolId}`;
    const { IdentityPoolId } = await identity(region).send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: `travellers_${suffix}`,
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: providerName, ClientId: clientId }],
      }),
    );
    // IAM is global: the role is made with a client of any region (here the home one).
    const iam = keep(new IAMClient({ ...base('eu-west-1'), credentials: admin }));
    const roleArn = await createIdentityPoolRole(
      iam,
      `travellers-${suffix}`,
      IdentityPoolId!,
      'authenticated',
    );
    await identity(region).send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: roleArn } }),
    );
    const logins = { [providerName]: idToken };
    const { IdentityId } = await identityApp(region).send(
      new GetIdCommand({ IdentityPoolId, Logins: logins }),
    );
    expect(IdentityId).toMatch(/^ap-southeast-2:/);
    const { Credentials } = await identityApp(region).send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }),
    );
    const sts = keep(
      new STSClient({
        ...base(region),
        credentials: {
          accessKeyId: Credentials!.AccessKeyId!,
          secretAccessKey: Credentials!.SecretKey!,
          sessionToken: Credentials!.SessionToken!,
        },
      }),
    );
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(
      new RegExp(`^arn:aws:sts::000000000000:assumed-role/travellers-${suffix}/`),
    );
    // The identity belongs to ap-southeast-2: asked for from eu-west-1 it is not there.
    await expectAwsError(
      identity('eu-west-1').send(new DescribeIdentityPoolCommand({ IdentityPoolId })),
      'ResourceNotFoundException',
    );
  });

  it('answers STS in every region served and at the global endpoint, and IAM from any region', async () => {
    for (const region of [...REGIONS, 'us-east-1']) {
      const sts = keep(new STSClient({ ...base(region), credentials: admin }));
      expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('000000000000');
    }
    const iam = keep(new IAMClient({ ...base('ap-southeast-2'), credentials: admin }));
    expect((await iam.send(new ListRolesCommand({ MaxItems: 1 }))).Roles).toBeDefined();
  });

  it('refuses a region not served as AWS refuses a region not enabled for the account', async () => {
    await expectAwsError(
      idp('us-west-2').send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'UnrecognizedClientException',
      {
        message: 'The security token included in the request is invalid.',
      },
    );
    await expectAwsError(
      identity('us-west-2').send(new ListIdentityPoolsCommand({ MaxResults: 1 })),
      'UnrecognizedClientException',
    );
    const sts = keep(new STSClient({ ...base('us-west-2'), credentials: admin }));
    await expectAwsError(sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', {
      message: 'The security token included in the request is invalid.',
    });
    // Unsigned, naming an identity pool of us-west-2: no such pool here.
    await expectAwsError(
      identityApp('us-west-2').send(new GetIdCommand({ IdentityPoolId: `us-west-2:${randomUUID()}` })),
      'ResourceNotFoundException',
    );
  });

  it('fails a signature re-targeted to another region by editing its scope', async () => {
    const body = JSON.stringify({ UserPoolId: userPools['eu-west-1'].Id });
    const host = new URL(system.endpoint).host;
    const signed = signRequest(
      {
        method: 'POST',
        path: '/',
        query: '',
        headers: {
          host,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPool',
        },
        body: Buffer.from(body),
      },
      admin,
      { region: 'eu-west-1', service: 'cognito-idp' },
    );
    const send = async (authorization: string) => {
      const { host: _host, ...headers } = signed.headers as Record<string, string>;
      const res = await fetch(system.endpoint, {
        method: 'POST',
        headers: { ...headers, authorization },
        body,
      });
      return { status: res.status, body: (await res.json()) as { __type?: string } };
    };
    const authorization = (signed.headers as Record<string, string>).authorization;
    expect((await send(authorization)).status).toBe(200);
    // Both regions are served: only the signature, which covers its scope, tells them apart.
    const retargeted = await send(
      authorization.replace('/eu-west-1/cognito-idp/', '/ap-southeast-2/cognito-idp/'),
    );
    expect(retargeted).toMatchObject({ status: 400, body: { __type: 'InvalidSignatureException' } });
  });

  it('does the same for boto3 clients of two regions (e2e/python/regions_flow.py)', () => {
    ensureBoto3();
    const run = runPython<Boto3RegionsRun>('regions_flow.py', {
      IDFED_ENDPOINT: system.endpoint,
      IDFED_ADMIN_ACCESS_KEY_ID: system.adminAccessKeyId,
      IDFED_ADMIN_SECRET_ACCESS_KEY: system.adminSecretAccessKey,
      IDFED_REGIONS_SERVED: 'eu-west-1,ap-southeast-2',
      IDFED_REGION_NOT_SERVED: 'us-west-2',
    });
    for (const region of ['eu-west-1', 'ap-southeast-2']) {
      const r = run.regions[region];
      expect(r.poolId.startsWith(`${region}_`)).toBe(true);
      expect(r.arn).toBe(`arn:aws:cognito-idp:${region}:000000000000:userpool/${r.poolId}`);
      expect(r.identityPoolId.startsWith(`${region}:`)).toBe(true);
      expect(r).toMatchObject({ listedRegions: [region], listedOwn: true, account: '000000000000' });
    }
    expect(run.crossRegionUserPool).toEqual({ code: 'ResourceNotFoundException', status: 400 });
    expect(run.crossRegionIdentityPool).toEqual({ code: 'ResourceNotFoundException', status: 400 });
    expect(run.notServed).toEqual({ code: 'UnrecognizedClientException', status: 400 });
    expect(run.stsNotServed).toEqual({ code: 'InvalidClientTokenId', status: 403 });
  });
});
