import {
  GetIdentityPoolConfigurationCommand,
  SetIdentityPoolConfigurationCommand,
} from '@aws-sdk/client-cognito-sync';
import { signRequest } from '../libs/sigv4/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';
import { syncIdentities } from './support/sync-identities';

/**
 * SetIdentityPoolConfiguration / GetIdentityPoolConfiguration with @aws-sdk/client-cognito-sync:
 * the pool's push sync and Cognito streams settings, set section by section with developer
 * credentials (the admin key) only, checked against botocore's shapes at the edge.
 */
describe('Cognito Sync identity pool configuration', () => {
  const system = e2eSystem();
  const ids = syncIdentities(system);
  const ROLE = 'arn:aws:iam::123456789012:role/cognito-sync-push';
  const GCM = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
  const APNS = 'arn:aws:sns:us-east-1:123456789012:app/APNS/com.example.notes';
  let pool: { poolId: string; roleArn: string };

  beforeAll(async () => {
    pool = await ids.poolWithGuestRole('sync-config', ['cognito-sync:*']);
  });

  it('sets push sync and streams section by section and reads them back', async () => {
    const { poolId } = await ids.poolWithGuestRole('sync-config-rw', ['cognito-sync:*']);
    const before = await ids.syncAdmin.send(
      new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }),
    );
    expect(before.IdentityPoolId).toBe(poolId);
    expect(before.PushSync).toBeUndefined();
    expect(before.CognitoStreams).toBeUndefined();

    const set = await ids.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: poolId,
        PushSync: { ApplicationArns: [GCM, APNS], RoleArn: ROLE },
      }),
    );
    expect(set).toMatchObject({
      IdentityPoolId: poolId,
      PushSync: { ApplicationArns: [GCM, APNS], RoleArn: ROLE },
    });
    expect(set.CognitoStreams).toBeUndefined();

    const streams = await ids.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: poolId,
        CognitoStreams: { StreamName: 'sync-changes', RoleArn: ROLE },
      }),
    );
    expect(streams.PushSync).toEqual({ ApplicationArns: [GCM, APNS], RoleArn: ROLE });
    expect(streams.CognitoStreams).toEqual({
      StreamName: 'sync-changes',
      RoleArn: ROLE,
      StreamingStatus: 'ENABLED',
    });

    await ids.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: poolId,
        CognitoStreams: { StreamName: 'sync-changes', RoleArn: ROLE, StreamingStatus: 'DISABLED' },
      }),
    );
    const after = await ids.syncAdmin.send(
      new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }),
    );
    expect(after).toMatchObject({
      IdentityPoolId: poolId,
      PushSync: { ApplicationArns: [GCM, APNS], RoleArn: ROLE },
      CognitoStreams: { StreamName: 'sync-changes', RoleArn: ROLE, StreamingStatus: 'DISABLED' },
    });
  });

  it('answers ResourceNotFoundException for a pool that does not exist', async () => {
    const IdentityPoolId = 'us-east-1:00000000-0000-0000-0000-00000000dead';
    await expectAwsError(
      ids.syncAdmin.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId })),
      'ResourceNotFoundException',
      { status: 404 },
    );
    await expectAwsError(
      ids.syncAdmin.send(new SetIdentityPoolConfigurationCommand({ IdentityPoolId, CognitoStreams: {} })),
      'ResourceNotFoundException',
      { status: 404 },
    );
  });

  it('refuses what the model or Cognito Sync does not take, and stores nothing of it', async () => {
    const { poolId } = await ids.poolWithGuestRole('sync-config-bad', ['cognito-sync:*']);
    const refused: [string, SetIdentityPoolConfigurationCommand][] = [
      // The model's patterns and enum, checked at the edge.
      [
        'not an SNS application',
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: poolId,
          PushSync: { ApplicationArns: ['arn:aws:sqs:us-east-1:123456789012:queue'], RoleArn: ROLE },
        }),
      ],
      [
        'not a role',
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: poolId,
          PushSync: { ApplicationArns: [GCM], RoleArn: 'arn:aws:iam::123456789012:user/someone' },
        }),
      ],
      [
        'an unknown status',
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: poolId,
          CognitoStreams: { StreamName: 's', RoleArn: ROLE, StreamingStatus: 'PAUSED' as 'ENABLED' },
        }),
      ],
      [
        'a stream name too long',
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: poolId,
          CognitoStreams: { StreamName: 's'.repeat(129), RoleArn: ROLE },
        }),
      ],
      // Cognito Sync's own rules, in the service.
      [
        'two GCM applications',
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: poolId,
          PushSync: { ApplicationArns: [GCM, `${GCM}-2`], RoleArn: ROLE },
        }),
      ],
      [
        'a platform push sync has not',
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: poolId,
          PushSync: {
            ApplicationArns: ['arn:aws:sns:us-east-1:123456789012:app/BAIDU/notes'],
            RoleArn: ROLE,
          },
        }),
      ],
      [
        'applications without a role',
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: poolId,
          PushSync: { ApplicationArns: [GCM] },
        }),
      ],
      [
        'enabled streams without a role',
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: poolId,
          CognitoStreams: { StreamName: 's', StreamingStatus: 'ENABLED' },
        }),
      ],
    ];
    for (const [, command] of refused) {
      await expectAwsError(ids.syncAdmin.send(command), 'InvalidParameterException', { status: 400 });
    }
    const stored = await ids.syncAdmin.send(
      new GetIdentityPoolConfigurationCommand({ IdentityPoolId: poolId }),
    );
    expect(stored.PushSync).toBeUndefined();
    expect(stored.CognitoStreams).toBeUndefined();
  });

  it("refuses an identity's own credentials, unsigned and forged requests", async () => {
    const me = await ids.guest(pool.poolId);
    const mine = ids.syncAs(me.credentials);
    // The role allows cognito-sync:* on the identity, but the configuration is the developer's.
    await expectAwsError(
      mine.send(new GetIdentityPoolConfigurationCommand({ IdentityPoolId: pool.poolId })),
      'NotAuthorizedException',
      { status: 403 },
    );
    await expectAwsError(
      mine.send(
        new SetIdentityPoolConfigurationCommand({
          IdentityPoolId: pool.poolId,
          PushSync: { ApplicationArns: [GCM], RoleArn: ROLE },
        }),
      ),
      'NotAuthorizedException',
      { status: 403 },
    );

    const path = `/identitypools/${encodeURIComponent(pool.poolId)}/configuration`;
    const unsigned = await fetch(`${system.endpoint}${path}`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toMatch(/^MissingAuthenticationTokenException/);

    // Signed with the admin key id and a wrong secret.
    const host = new URL(system.endpoint).host;
    const forged = signRequest(
      { method: 'GET', path, query: '', headers: { host }, body: Buffer.alloc(0) },
      { accessKeyId: ids.admin.accessKeyId, secretAccessKey: 'not-the-admin-secret' },
      { region: 'us-east-1', service: 'cognito-sync' },
    );
    const { host: _h, ...headers } = forged.headers as Record<string, string>;
    const answer = await fetch(`${system.endpoint}${path}`, { headers });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-amzn-errortype')).toMatch(/^InvalidSignatureException/);

    // An admin-signed Get re-targeted at another pool: the path is signed.
    const other = await ids.poolWithGuestRole('sync-config-other', ['cognito-sync:*']);
    const signed = signRequest(
      { method: 'GET', path, query: '', headers: { host }, body: Buffer.alloc(0) },
      ids.admin,
      { region: 'us-east-1', service: 'cognito-sync' },
    );
    const { host: _h2, ...signedHeaders } = signed.headers as Record<string, string>;
    const retargeted = await fetch(
      `${system.endpoint}/identitypools/${encodeURIComponent(other.poolId)}/configuration`,
      { headers: signedHeaders },
    );
    expect(retargeted.status).toBe(403);
    expect(retargeted.headers.get('x-amzn-errortype')).toMatch(/^InvalidSignatureException/);
    const own = await fetch(`${system.endpoint}${path}`, { headers: signedHeaders });
    expect(own.status).toBe(200);
  });
});
