import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cognito-identity';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

/**
 * Tags on identity pools (TagResource, UntagResource, ListTagsForResource) through
 * @aws-sdk/client-cognito-identity, as infrastructure-as-code tools use them: by the pool's ARN,
 * with the admin key only.
 */
describe('identity pool tags through the AWS SDK', () => {
  const system = e2eSystem();
  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new CognitoIdentityClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
  const admin = client({
    accessKeyId: system.adminAccessKeyId,
    secretAccessKey: system.adminSecretAccessKey,
  });
  // IDFED_ACCOUNT_ID is left at its default by the e2e harness.
  const arnOf = (poolId: string) => `arn:aws:cognito-identity:us-east-1:000000000000:identitypool/${poolId}`;

  async function newPool(tags?: Record<string, string>): Promise<string> {
    const { IdentityPoolId } = await admin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'tagged',
        AllowUnauthenticatedIdentities: true,
        ...(tags ? { IdentityPoolTags: tags } : {}),
      }),
    );
    return IdentityPoolId!;
  }

  it('tags, lists, overwrites and untags a pool; DescribeIdentityPool shows the same tags', async () => {
    const poolId = await newPool({ team: 'identity' });
    const ResourceArn = arnOf(poolId);
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual({
      team: 'identity',
    });
    await admin.send(new TagResourceCommand({ ResourceArn, Tags: { env: 'dev', team: 'platform' } }));
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual({
      team: 'platform',
      env: 'dev',
    });
    await admin.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['team', 'never-set'] }));
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual({ env: 'dev' });
    const described = await admin.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
    expect(described.IdentityPoolTags).toEqual({ env: 'dev' });
  });

  it('refuses a 51st tag and keeps the 50', async () => {
    const poolId = await newPool();
    const ResourceArn = arnOf(poolId);
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key-${i}`, `value-${i}`]));
    await admin.send(new TagResourceCommand({ ResourceArn, Tags: fifty }));
    await expectAwsError(
      admin.send(new TagResourceCommand({ ResourceArn, Tags: { 'one-too-many': 'x' } })),
      'InvalidParameterException',
    );
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual(fifty);
  });

  it('answers ResourceNotFoundException for a deleted pool, another account or region; InvalidParameterException for another resource type', async () => {
    const poolId = await newPool();
    await admin.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId }));
    await expectAwsError(
      admin.send(new TagResourceCommand({ ResourceArn: arnOf(poolId), Tags: { a: 'b' } })),
      'ResourceNotFoundException',
    );
    const live = await newPool();
    await expectAwsError(
      admin.send(
        new ListTagsForResourceCommand({
          ResourceArn: `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${live}`,
        }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new ListTagsForResourceCommand({
          ResourceArn: `arn:aws:cognito-identity:eu-west-1:000000000000:identitypool/${live}`,
        }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new TagResourceCommand({
          ResourceArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_abcdefghi',
          Tags: { a: 'b' },
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(new TagResourceCommand({ ResourceArn: arnOf(live), Tags: { 'aws:reserved': 'x' } })),
      'InvalidParameterException',
    );
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn: arnOf(live) }))).Tags).toEqual({});
  });

  it('refuses unsigned calls and a forged signature, and changes nothing', async () => {
    const poolId = await newPool({ kept: 'yes' });
    const ResourceArn = arnOf(poolId);
    const anonymous = client({ accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' });
    await expect(
      anonymous.send(new TagResourceCommand({ ResourceArn, Tags: { a: 'b' } })),
    ).rejects.toBeDefined();
    const forged = client({
      accessKeyId: system.adminAccessKeyId,
      secretAccessKey: 'not-the-admin-secret-at-all',
    });
    await expectAwsError(
      forged.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['kept'] })),
      'InvalidSignatureException',
    );
    await expectAwsError(
      forged.send(new ListTagsForResourceCommand({ ResourceArn })),
      'InvalidSignatureException',
    );
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual({ kept: 'yes' });
  });
});
