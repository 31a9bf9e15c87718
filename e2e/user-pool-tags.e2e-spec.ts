import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';

/**
 * Tags on user pools (TagResource, UntagResource, ListTagsForResource) through
 * @aws-sdk/client-cognito-identity-provider, by the `Arn` CreateUserPool answers, admin key only.
 */
describe('user pool tags through the AWS SDK', () => {
  const system = e2eSystem();
  const admin = cognitoAdmin(system);

  async function newPool(tags?: Record<string, string>): Promise<{ id: string; arn: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'tagged', ...(tags ? { UserPoolTags: tags } : {}) }),
    );
    return { id: UserPool!.Id!, arn: UserPool!.Arn! };
  }

  it('tags, lists, overwrites and untags a pool by its Arn; DescribeUserPool shows the same tags', async () => {
    const { id, arn: ResourceArn } = await newPool({ team: 'identity' });
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual({
      team: 'identity',
    });
    await admin.send(new TagResourceCommand({ ResourceArn, Tags: { env: 'dev', team: 'platform' } }));
    await admin.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['team', 'never-set'] }));
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual({ env: 'dev' });
    const { UserPool } = await admin.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    expect(UserPool!.UserPoolTags).toEqual({ env: 'dev' });
  });

  it('refuses a 51st tag and aws: keys, keeping what was there', async () => {
    const { arn: ResourceArn } = await newPool();
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key-${i}`, `value-${i}`]));
    await admin.send(new TagResourceCommand({ ResourceArn, Tags: fifty }));
    await expectAwsError(
      admin.send(new TagResourceCommand({ ResourceArn, Tags: { 'one-too-many': 'x' } })),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(new TagResourceCommand({ ResourceArn, Tags: { 'aws:reserved': 'x' } })),
      'InvalidParameterException',
    );
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual(fifty);
  });

  it("answers ResourceNotFoundException for a deleted pool's or another account's ARN", async () => {
    const gone = await newPool();
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: gone.id }));
    await expectAwsError(
      admin.send(new TagResourceCommand({ ResourceArn: gone.arn, Tags: { a: 'b' } })),
      'ResourceNotFoundException',
    );
    const live = await newPool();
    await expectAwsError(
      admin.send(
        new ListTagsForResourceCommand({ ResourceArn: live.arn.replace(/:\d{12}:/, ':123456789012:') }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new ListTagsForResourceCommand({
          ResourceArn: `arn:aws:cognito-identity:us-east-1:000000000000:identitypool/us-east-1:${'0'.repeat(8)}`,
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('refuses unsigned and forged calls, and changes nothing', async () => {
    const { arn: ResourceArn } = await newPool({ kept: 'yes' });
    const client = (secretAccessKey: string, accessKeyId = system.adminAccessKeyId) =>
      new CognitoIdentityProviderClient({
        endpoint: system.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId, secretAccessKey },
        maxAttempts: 1,
      });
    await expectAwsError(
      client('anonymous', 'ANONYMOUS').send(new TagResourceCommand({ ResourceArn, Tags: { a: 'b' } })),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      client('not-the-admin-secret-at-all').send(
        new UntagResourceCommand({ ResourceArn, TagKeys: ['kept'] }),
      ),
      'InvalidSignatureException',
    );
    expect((await admin.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual({ kept: 'yes' });
  });
});
