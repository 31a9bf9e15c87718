import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { AwsApi, hasOperationShape, isKnownErrorName, operationShapes } from '@idfed/aws-protocol';
import { OPERATION_CATALOG } from '@idfed/contracts';
import { eventually } from '../libs/testing/src/eventually';
import { e2eSystem } from './support/e2e-context';
import { queryForm, rawJsonCall, rawQueryCall, RawAnswer, RawCallOptions } from './support/raw-aws';
import { rawRestCall } from './support/raw-rest';
import { Fixtures, requestArbitrary, toQueryParams } from './support/shape-arbitraries';

/**
 * Property-based fuzzing of every operation idfed serves, generated from its AWS input shape and
 * sent, signed, to the real gateway. For every request: no 5xx, an AWS-shaped error when refused,
 * and nothing changed by a refused request (the resources it could touch are listed before and
 * after). Bounded by a run count and a time budget; the seed is printed and replayable:
 *   IDFED_FUZZ_SEED=<seed> IDFED_FUZZ_RUNS=<n> npx jest --selectProjects e2e e2e/request-fuzz.e2e-spec.ts
 */
describe('request fuzzing from the AWS shapes', () => {
  const system = e2eSystem();
  const seed = Number(process.env.IDFED_FUZZ_SEED ?? Date.now() % 2 ** 31);
  const runs = Number(process.env.IDFED_FUZZ_RUNS ?? 300);
  const budgetMs = Number(process.env.IDFED_FUZZ_BUDGET_MS ?? 75_000);
  const apis: AwsApi[] = ['cognito-idp', 'cognito-identity', 'cognito-sync', 'sts', 'iam'];
  let fixtures: Fixtures;

  const send = (
    api: AwsApi,
    operation: string,
    input: Record<string, unknown>,
    options: RawCallOptions = {},
  ): Promise<RawAnswer> => {
    if (api === 'cognito-idp' || api === 'cognito-identity') {
      return rawJsonCall(system, api, operation, JSON.stringify(input), options);
    }
    if (api === 'cognito-sync') return rawRestCall(system, operation, input, options);
    const version = api === 'iam' ? '2010-05-08' : '2011-06-15';
    return rawQueryCall(
      system,
      api,
      queryForm({ Action: operation, Version: version, ...toQueryParams(input) }),
      options,
    );
  };
  const ok = async (api: AwsApi, operation: string, input: Record<string, unknown>) => {
    const answer = await send(api, operation, input);
    if (answer.status !== 200) throw new Error(`${operation}: ${answer.error} ${answer.message}`);
    return answer.body as Record<string, unknown>;
  };

  /** What a request to `api` could change, as its List and Describe operations show it. */
  async function snapshot(api: AwsApi): Promise<unknown[]> {
    const f = fixtures;
    const read = async (a: AwsApi, op: string, input: Record<string, unknown>) => {
      const answer = await send(a, op, input);
      // A Query answer carries its own request id, ListRecords a new sync session token: everything
      // else must be equal.
      const body =
        typeof answer.body === 'string'
          ? answer.body.replace(/<RequestId>[^<]*<\/RequestId>/g, '')
          : withoutSessionToken(answer.body);
      return [answer.status, answer.error ?? null, body];
    };
    if (api === 'cognito-idp') {
      return Promise.all([
        read(api, 'ListUserPools', { MaxResults: 60 }),
        read(api, 'DescribeUserPool', { UserPoolId: f.UserPoolId }),
        read(api, 'ListUsers', { UserPoolId: f.UserPoolId }),
        read(api, 'ListUserPoolClients', { UserPoolId: f.UserPoolId, MaxResults: 60 }),
        read(api, 'DescribeUserPoolClient', { UserPoolId: f.UserPoolId, ClientId: f.ClientId }),
        read(api, 'ListGroups', { UserPoolId: f.UserPoolId }),
        read(api, 'AdminListGroupsForUser', { UserPoolId: f.UserPoolId, Username: f.Username }),
        read(api, 'ListIdentityProviders', { UserPoolId: f.UserPoolId }),
        read(api, 'ListResourceServers', { UserPoolId: f.UserPoolId, MaxResults: 50 }),
        read(api, 'GetUICustomization', { UserPoolId: f.UserPoolId }),
      ]);
    }
    if (api === 'cognito-identity') {
      return Promise.all([
        read(api, 'ListIdentityPools', { MaxResults: 60 }),
        read(api, 'DescribeIdentityPool', { IdentityPoolId: f.IdentityPoolId }),
        read(api, 'GetIdentityPoolRoles', { IdentityPoolId: f.IdentityPoolId }),
        read(api, 'ListIdentities', { IdentityPoolId: f.IdentityPoolId, MaxResults: 60 }),
      ]);
    }
    if (api === 'cognito-sync') {
      const identity = { IdentityPoolId: f.IdentityPoolId, IdentityId: f.IdentityId };
      return Promise.all([
        read(api, 'ListDatasets', identity),
        read(api, 'DescribeDataset', { ...identity, DatasetName: f.DatasetName }),
        read(api, 'ListRecords', { ...identity, DatasetName: f.DatasetName }),
      ]);
    }
    return Promise.all([
      read('iam', 'ListRoles', {}),
      read('iam', 'ListRolePolicies', { RoleName: f.RoleName }),
      read('iam', 'ListAttachedRolePolicies', { RoleName: f.RoleName }),
      read('iam', 'ListOpenIDConnectProviders', {}),
    ]);
  }

  /** After a request that succeeded, its effects may still be travelling (events over Kafka). */
  async function settledSnapshot(api: AwsApi): Promise<unknown[]> {
    let last = await snapshot(api);
    // Settled once two snapshots in a row agree; still moving after the bound, the last one stands.
    return eventually(
      async () => {
        const next = await snapshot(api);
        if (isDeepStrictEqual(next, last)) return next;
        last = next;
        throw new Error('still changing');
      },
      { timeoutMs: 500, intervalMs: 50 },
    ).catch(() => last);
  }

  beforeAll(async () => {
    const pool = await ok('cognito-idp', 'CreateUserPool', { PoolName: 'fuzz' });
    const UserPoolId = (pool.UserPool as { Id: string }).Id;
    const client = await ok('cognito-idp', 'CreateUserPoolClient', {
      UserPoolId,
      ClientName: 'fuzz',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
    });
    const ClientId = (client.UserPoolClient as { ClientId: string }).ClientId;
    await ok('cognito-idp', 'AdminCreateUser', {
      UserPoolId,
      Username: 'fuzz-user',
      MessageAction: 'SUPPRESS',
    });
    await ok('cognito-idp', 'AdminSetUserPassword', {
      UserPoolId,
      Username: 'fuzz-user',
      Password: 'Fuzz-password-1!',
      Permanent: true,
    });
    await ok('cognito-idp', 'CreateGroup', { UserPoolId, GroupName: 'fuzz-group' });
    const auth = await ok('cognito-idp', 'InitiateAuth', {
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'fuzz-user', PASSWORD: 'Fuzz-password-1!' },
    });
    const AccessToken = (auth.AuthenticationResult as { AccessToken: string }).AccessToken;
    const identityPool = await ok('cognito-identity', 'CreateIdentityPool', {
      IdentityPoolName: 'fuzz',
      AllowUnauthenticatedIdentities: true,
      DeveloperProviderName: 'login.fuzz',
    });
    const RoleName = `fuzz-${seed}`;
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
        },
      ],
    };
    const role = await send('iam', 'CreateRole', {
      RoleName,
      AssumeRolePolicyDocument: JSON.stringify(trust),
    });
    const RoleArn = /<Arn>([^<]*)<\/Arn>/.exec(String(role.body))?.[1] ?? '';
    fixtures = {
      UserPoolId,
      ClientId,
      Username: 'fuzz-user',
      GroupName: 'fuzz-group',
      AccessToken,
      IdentityPoolId: (identityPool as { IdentityPoolId: string }).IdentityPoolId,
      RoleName,
      RoleArn,
      PolicyName: 'fuzz-inline',
      RoleSessionName: 'fuzz-session',
    };
    // An identity of the fuzz pool with one dataset, for Cognito Sync's operations.
    const { IdentityId } = await ok('cognito-identity', 'GetId', { IdentityPoolId: fixtures.IdentityPoolId });
    const dataset = { IdentityPoolId: fixtures.IdentityPoolId, IdentityId, DatasetName: 'fuzz-dataset' };
    const listed = await ok('cognito-sync', 'ListRecords', dataset);
    await ok('cognito-sync', 'UpdateRecords', {
      ...dataset,
      SyncSessionToken: listed.SyncSessionToken,
      RecordPatches: [{ Op: 'replace', Key: 'fuzz-key', Value: 'fuzz-value', SyncCount: 0 }],
    });
    fixtures = {
      ...fixtures,
      IdentityId: IdentityId as string,
      DatasetName: 'fuzz-dataset',
      SyncSessionToken: listed.SyncSessionToken as string,
    };
  });

  it(
    'answers every generated request without a 5xx, in the AWS error shape, changing nothing it refuses',
    async () => {
      // Printed so a failure can be replayed with IDFED_FUZZ_SEED.
      process.stdout.write(`request fuzz: IDFED_FUZZ_SEED=${seed} IDFED_FUZZ_RUNS=${runs}\n`);
      // Every operation the gateway serves, from the catalog (the shapes hold all of AWS's).
      const operations = OPERATION_CATALOG.flatMap((op) => {
        const s = op.surface;
        const api = s.protocol === 'bus' ? undefined : s.api;
        return api && apis.includes(api) && hasOperationShape(api, op.name)
          ? [{ api, operation: op.name }]
          : [];
      });
      const request = fc
        .constantFrom(...operations)
        .chain(({ api, operation }) =>
          requestArbitrary(operationShapes(api), operation, fixtures, DESTRUCTIVE.test(operation)).map(
            (input) => ({ api, operation, input }),
          ),
        );
      const before = new Map<AwsApi, unknown[]>();
      for (const api of apis) before.set(api, await settledSnapshot(api));
      let sent = 0;
      const answers = new Map<string, number>();

      await fc.assert(
        fc.asyncProperty(request, async ({ api, operation, input }) => {
          sent++;
          const answer = await send(api, operation, input, { generated: true });
          const kind = `${answer.status} ${answer.error ?? ''}`.trim();
          answers.set(kind, (answers.get(kind) ?? 0) + 1);
          const where = `${api} ${operation} ${JSON.stringify(input).slice(0, 300)}`;
          expect({ where, status: answer.status < 500 ? 'not 5xx' : answer.status }).toEqual({
            where,
            status: 'not 5xx',
          });
          const snapshotApi = api === 'sts' ? 'iam' : api;
          if (answer.status >= 400) {
            expect({ where, known: isKnownErrorName(answer.error ?? '') }).toEqual({ where, known: true });
            expect(typeof answer.message).toBe('string');
            const after = await snapshot(snapshotApi);
            expect({ where, unchanged: isDeepStrictEqual(after, before.get(snapshotApi)) }).toEqual({
              where,
              unchanged: true,
            });
          } else {
            before.set(snapshotApi, await settledSnapshot(snapshotApi));
          }
        }),
        {
          seed,
          numRuns: runs,
          interruptAfterTimeLimit: budgetMs,
          markInterruptAsFailure: false,
          endOnFailure: true,
        },
      );
      const tally = [...answers].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} x ${k}`);
      process.stdout.write(`request fuzz: ${sent} requests sent: ${tally.join(', ')}\n`);
      expect(sent).toBeGreaterThan(0);
      // fast-check stops itself after budgetMs; the slack is for the setup and the requests in flight.
    },
    budgetMs + 60_000,
  );
});

/** A JSON answer without the one member that differs on every read (ListRecords' new session token). */
function withoutSessionToken(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('SyncSessionToken' in body)) return body;
  const { SyncSessionToken: _token, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** Operations that delete or detach: always sent with a member AWS would refuse. */
const DESTRUCTIVE =
  /^(Admin)?(Delete|Remove|Detach|Unlink|Merge|Disable|RevokeToken|GlobalSignOut|AdminUserGlobalSignOut)/;
