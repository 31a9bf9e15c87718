import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetAccessKeyLastUsedCommand,
  GetAccessKeyLastUsedCommandOutput,
  IAMClient,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
/** A region idfed serves besides its home region in the e2e system (IDFED_REGIONS). */
const OTHER_REGION = 'eu-west-1';

/**
 * GetAccessKeyLastUsed with @aws-sdk/client-iam, as the IAM API reference states it: "the date and
 * time of last use, along with the AWS service and Region that were specified in the last request
 * made with that key"; `N/A` and no LastUsedDate for a key never used (ADR 0078). The gateways
 * report a verified signature's service and region; the answer follows once credential vending
 * has the report, so the tests wait for it. A forged signature and an inactive key's request leave
 * no use behind.
 */
describe('GetAccessKeyLastUsed records what a key signed (ADR 0078)', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const iam = new IAMClient({
    region: REGION,
    endpoint: system.endpoint,
    credentials: admin,
    maxAttempts: 1,
  });
  const clients: { destroy(): void }[] = [];
  const unique = () => randomBytes(4).toString('hex');

  afterAll(() => {
    iam.destroy();
    for (const c of clients) c.destroy();
  });

  async function newKey(policy?: object) {
    const UserName = `last-used-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    if (policy)
      await iam.send(
        new PutUserPolicyCommand({ UserName, PolicyName: 'p', PolicyDocument: JSON.stringify(policy) }),
      );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    return { UserName, accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  }

  const lastUsed = (AccessKeyId: string) => iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId }));

  function cognito(credentials: { accessKeyId: string; secretAccessKey: string }, region: string) {
    const client = new CognitoIdentityProviderClient({
      region,
      endpoint: system.endpoint,
      credentials,
      maxAttempts: 1,
    });
    clients.push(client);
    return client;
  }

  function sts(credentials: { accessKeyId: string; secretAccessKey: string }) {
    const client = new STSClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
    clients.push(client);
    return client;
  }

  /** The recorded use once it is there; LastUsedDate within the minute of the calls (kept to the minute). */
  async function usedBetween(
    accessKeyId: string,
    before: number,
    after: number,
  ): Promise<GetAccessKeyLastUsedCommandOutput> {
    const answer = await eventually(async () => {
      const found = await lastUsed(accessKeyId);
      expect(found.AccessKeyLastUsed!.LastUsedDate).toBeInstanceOf(Date);
      return found;
    });
    const at = answer.AccessKeyLastUsed!.LastUsedDate!.getTime();
    expect(at).toBeGreaterThanOrEqual(before - (before % 60_000));
    expect(at).toBeLessThanOrEqual(after);
    expect(at % 60_000).toBe(0);
    return answer;
  }

  it('answers N/A for a fresh key, then the service and region of a signed Cognito call', async () => {
    const key = await newKey({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' }],
    });
    const fresh = await lastUsed(key.accessKeyId);
    expect(fresh.UserName).toBe(key.UserName);
    expect(fresh.AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });

    const before = Date.now();
    await cognito(key, OTHER_REGION).send(new ListUserPoolsCommand({ MaxResults: 5 }));
    const after = Date.now();
    const used = await usedBetween(key.accessKeyId, before, after);
    expect(used.UserName).toBe(key.UserName);
    expect(used.AccessKeyLastUsed).toMatchObject({ ServiceName: 'cognito-idp', Region: OTHER_REGION });
  });

  it('records an STS call, and a call the policies refuse: the key was used all the same', async () => {
    const key = await newKey();
    const before = Date.now();
    const who = await sts(key).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toContain(`:user/${key.UserName}`);
    const after = Date.now();
    const used = await usedBetween(key.accessKeyId, before, after);
    expect(used.AccessKeyLastUsed).toMatchObject({ ServiceName: 'sts', Region: REGION });

    // Another key of no permission, refused by its policies: a verified signature is a use.
    const refused = await newKey();
    const start = Date.now();
    await expectAwsError(
      cognito(refused, REGION).send(new ListUserPoolsCommand({ MaxResults: 5 })),
      'AccessDeniedException',
      { status: 400 },
    );
    const used2 = await usedBetween(refused.accessKeyId, start, Date.now());
    expect(used2.AccessKeyLastUsed).toMatchObject({ ServiceName: 'cognito-idp', Region: REGION });
  });

  it('records no use for a forged signature or an inactive key', async () => {
    const forgedKey = await newKey();
    const inactive = await newKey();
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: inactive.UserName,
        AccessKeyId: inactive.accessKeyId,
        Status: 'Inactive',
      }),
    );
    // A forger knows the key id, not the secret.
    await expectAwsError(
      sts({ accessKeyId: forgedKey.accessKeyId, secretAccessKey: randomBytes(30).toString('base64') }).send(
        new GetCallerIdentityCommand({}),
      ),
      'SignatureDoesNotMatch',
      { status: 403 },
    );
    await expectAwsError(sts(inactive).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', {
      status: 403,
    });
    // A genuine use, made after both, shows the reports have been applied up to it.
    const witness = await newKey();
    const before = Date.now();
    await sts(witness).send(new GetCallerIdentityCommand({}));
    await usedBetween(witness.accessKeyId, before, Date.now());
    expect((await lastUsed(forgedKey.accessKeyId)).AccessKeyLastUsed).toEqual({
      ServiceName: 'N/A',
      Region: 'N/A',
    });
    expect((await lastUsed(inactive.accessKeyId)).AccessKeyLastUsed).toEqual({
      ServiceName: 'N/A',
      Region: 'N/A',
    });
  });
});
