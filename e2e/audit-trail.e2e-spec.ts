import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoSyncClient, ListDatasetsCommand, ListRecordsCommand } from '@aws-sdk/client-cognito-sync';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { randomBytes, randomUUID } from 'node:crypto';
import { AuditRecord } from '../libs/contracts/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { AuditStream, openAuditStream } from './support/audit-stream';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/**
 * Audit records of who did what (ADR 0054), read where an operator reads them: CloudTrail's record
 * shape (AWS CloudTrail User Guide, "CloudTrail record contents for management events":
 * eventVersion, eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userAgent,
 * userIdentity, requestParameters, responseElements, errorCode, errorMessage, requestID, eventID,
 * readOnly, recipientAccountId), with a sensitive value written as CloudTrail writes it,
 * `HIDDEN_DUE_TO_SECURITY_REASONS`. The root is the admin key; an IAM user is named by its ARN.
 */
/** The request id an SDK error carries ($metadata), as the client saw it. */
const requestIdOf = (err: unknown) => (err as { $metadata?: { requestId?: string } }).$metadata?.requestId;

describe('audit records of signed calls', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const opts = { region: REGION, endpoint: system.endpoint, credentials: admin, maxAttempts: 1 };
  const iam = new IAMClient(opts);
  const idp = new CognitoIdentityProviderClient(opts);
  const others: { destroy(): void }[] = [];
  const unique = () => randomBytes(4).toString('hex');
  /** Every secret this spec makes: none may appear in any audit record. */
  const secrets: string[] = [];
  let stream: AuditStream;

  beforeAll(async () => {
    stream = await openAuditStream(system, `audit-${unique()}`);
  });

  afterAll(async () => {
    await stream.stop();
    for (const c of [iam, idp, ...others]) c.destroy();
  });

  it('records the root’s Cognito and IAM changes, their secrets hidden', async () => {
    const pool = await idp.send(new CreateUserPoolCommand({ PoolName: `audit-${unique()}` }));
    const poolRecord = await stream.recordOf(pool.$metadata.requestId);
    expect(poolRecord).toMatchObject({
      eventVersion: '1.08',
      eventSource: 'cognito-idp.amazonaws.com',
      eventName: 'CreateUserPool',
      awsRegion: REGION,
      readOnly: false,
      recipientAccountId: ACCOUNT,
      userIdentity: {
        type: 'Root',
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        accountId: ACCOUNT,
        accessKeyId: admin.accessKeyId,
      },
      responseElements: { UserPool: { Id: pool.UserPool!.Id } },
    });
    expect(poolRecord.sourceIPAddress).toMatch(/127\.0\.0\.1/);
    expect(poolRecord.userAgent).toMatch(/aws-sdk-js/);
    expect(poolRecord.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const client = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.UserPool!.Id!,
        ClientName: 'c',
        GenerateSecret: true,
      }),
    );
    secrets.push(client.UserPoolClient!.ClientSecret!);
    expect(await stream.recordOf(client.$metadata.requestId)).toMatchObject({
      eventName: 'CreateUserPoolClient',
      responseElements: {
        UserPoolClient: { ClientId: client.UserPoolClient!.ClientId, ClientSecret: HIDDEN },
      },
    });

    const temporary = `Audit-Temp-${unique()}-Aa1!`;
    secrets.push(temporary);
    const created = await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.UserPool!.Id!,
        Username: `u-${unique()}`,
        TemporaryPassword: temporary,
        MessageAction: 'SUPPRESS',
      }),
    );
    expect(await stream.recordOf(created.$metadata.requestId)).toMatchObject({
      eventName: 'AdminCreateUser',
      requestParameters: { UserPoolId: pool.UserPool!.Id, TemporaryPassword: HIDDEN },
    });

    const UserName = `audited-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName }));
    secrets.push(key.AccessKey!.SecretAccessKey!);
    expect(await stream.recordOf(key.$metadata.requestId)).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      requestParameters: { UserName },
      responseElements: { AccessKey: { AccessKeyId: key.AccessKey!.AccessKeyId, SecretAccessKey: HIDDEN } },
    });
  });

  it('records an IAM user’s change and its refused call under the user’s ARN', async () => {
    const UserName = `operator-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName,
        PolicyName: 'iam',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:CreateUser', Resource: '*' }],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    secrets.push(key.SecretAccessKey!);
    const asUser = new IAMClient({
      ...opts,
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    });
    others.push(asUser);
    const arn = `arn:aws:iam::${ACCOUNT}:user/${UserName}`;
    const target = `made-by-${unique()}`;
    const userId = (await iam.send(new GetUserCommand({ UserName }))).User!.UserId!;
    expect(userId).toMatch(/^AIDA/);
    const made = await asUser.send(new CreateUserCommand({ UserName: target }));
    expect(await stream.recordOf(made.$metadata.requestId)).toMatchObject({
      eventName: 'CreateUser',
      userIdentity: {
        type: 'IAMUser',
        // CloudTrail's principalId of an IAM user is its unique id (AIDA...).
        principalId: userId,
        arn,
        accountId: ACCOUNT,
        accessKeyId: key.AccessKeyId,
        userName: UserName,
      },
      requestParameters: { UserName: target },
      responseElements: { User: { UserName: target } },
    });

    // IAM answers EntityAlreadyExists (409) for a second user of the name: a refusal, recorded.
    const err = await expectAwsError(
      asUser.send(new CreateUserCommand({ UserName: target })),
      'EntityAlreadyExistsException',
    );
    const refusal: AuditRecord = await stream.recordOf(
      (err as { $metadata?: { requestId?: string } }).$metadata?.requestId,
    );
    expect(refusal).toMatchObject({
      eventName: 'CreateUser',
      // The wire's error code (IAM's Query answer), as the service refused it.
      errorCode: 'EntityAlreadyExists',
      responseElements: null,
      userIdentity: { type: 'IAMUser', arn },
    });
    expect(refusal.errorMessage).toContain(target);
  });

  it('records the calls the gateway refused: a policy’s denial, input refused at the edge (ADR 0075)', async () => {
    // CloudTrail records failed management calls too, with their errorCode (AccessDenied for a
    // denial): here the gateway refuses them before any service sees them.
    const UserName = `denied-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    secrets.push(key.SecretAccessKey!);
    const asUser = {
      ...opts,
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    };
    const userIdp = new CognitoIdentityProviderClient(asUser);
    const userIam = new IAMClient(asUser);
    others.push(userIdp, userIam);
    const arn = `arn:aws:iam::${ACCOUNT}:user/${UserName}`;
    const password = `Denied-${unique()}-Aa1!`;
    secrets.push(password);

    // No policy allows the user anything: the Cognito call is refused by the gateway's decision.
    const cognitoDenial = await expectAwsError(
      userIdp.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: `${REGION}_NoSuchPool1`,
          Username: 'someone',
          Password: password,
          Permanent: true,
        }),
      ),
      'AccessDeniedException',
    );
    const cognitoRecord = await stream.recordOf(requestIdOf(cognitoDenial));
    expect(cognitoRecord).toMatchObject({
      eventSource: 'cognito-idp.amazonaws.com',
      eventName: 'AdminSetUserPassword',
      awsRegion: REGION,
      errorCode: 'AccessDeniedException',
      responseElements: null,
      userIdentity: { type: 'IAMUser', arn, accessKeyId: key.AccessKeyId, userName: UserName },
      requestParameters: { UserPoolId: `${REGION}_NoSuchPool1`, Password: HIDDEN },
    });
    expect(cognitoRecord.errorMessage).toContain(arn);

    const iamDenial = await expectAwsError(
      userIam.send(new CreateUserCommand({ UserName: `never-${unique()}` })),
      'AccessDenied',
    );
    expect(await stream.recordOf(requestIdOf(iamDenial))).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      errorCode: 'AccessDenied',
      userIdentity: { type: 'IAMUser', arn },
    });

    // The root's malformed call: refused at the edge, recorded without its parameters.
    const malformed = await expectAwsError(
      idp.send(new CreateUserPoolCommand({ PoolName: 'x'.repeat(129) })),
      'InvalidParameterException',
    );
    expect(await stream.recordOf(requestIdOf(malformed))).toMatchObject({
      eventName: 'CreateUserPool',
      errorCode: 'InvalidParameterException',
      requestParameters: null,
      userIdentity: { type: 'Root' },
    });
  });

  it('records a Cognito Sync call the gateway refused: an IAM user’s denial, the root’s bad input (ADR 0075)', async () => {
    const UserName = `sync-denied-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    secrets.push(key.SecretAccessKey!);
    const arn = `arn:aws:iam::${ACCOUNT}:user/${UserName}`;
    const userSync = new CognitoSyncClient({
      ...opts,
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    });
    const rootSync = new CognitoSyncClient(opts);
    others.push(userSync, rootSync);
    const ids = {
      IdentityPoolId: `${REGION}:${randomUUID()}`,
      IdentityId: `${REGION}:${randomUUID()}`,
    };

    // No policy allows the user cognito-sync:ListDatasets: the REST gateway refuses it.
    const denial = await expectAwsError(
      userSync.send(new ListDatasetsCommand(ids)),
      'NotAuthorizedException',
      {
        status: 403,
      },
    );
    const record = await stream.recordOf(requestIdOf(denial));
    expect(record).toMatchObject({
      eventSource: 'cognito-sync.amazonaws.com',
      eventName: 'ListDatasets',
      awsRegion: REGION,
      errorCode: 'NotAuthorizedException',
      responseElements: null,
      userIdentity: { type: 'IAMUser', arn, accessKeyId: key.AccessKeyId, userName: UserName },
      requestParameters: ids,
    });
    expect(record.errorMessage).toContain(`not authorized to perform: cognito-sync:ListDatasets`);

    // The root's dataset name breaking the model's pattern: refused at the edge, no parameters.
    const malformed = await expectAwsError(
      rootSync.send(new ListRecordsCommand({ ...ids, DatasetName: 'not a name!' })),
      'InvalidParameterException',
      { status: 400 },
    );
    expect(await stream.recordOf(requestIdOf(malformed))).toMatchObject({
      eventSource: 'cognito-sync.amazonaws.com',
      eventName: 'ListRecords',
      errorCode: 'InvalidParameterException',
      requestParameters: null,
      userIdentity: { type: 'Root' },
    });
  });

  it('records a gRPC call the gRPC gateway refused, as the HTTP gateway’s (ADR 0075)', async () => {
    const UserName = `grpc-denied-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    secrets.push(key.SecretAccessKey!);
    const arn = `arn:aws:iam::${ACCOUNT}:user/${UserName}`;
    const grpc = new IdfedGrpcClient(system.grpcGateways[0], {
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
    try {
      await expect(
        grpc.invoke('cognito-idp', 'DeleteUserPool', { UserPoolId: `${REGION}_GrpcDenied1` }),
      ).rejects.toThrow(/not authorized to perform: cognito-idp:DeleteUserPool/);
    } finally {
      grpc.close();
    }
    let found: AuditRecord[] = [];
    await eventually(() => {
      found = stream.records().filter((r) => r.eventName === 'DeleteUserPool' && r.userIdentity.arn === arn);
      expect(found).toHaveLength(1);
    });
    expect(found[0]).toMatchObject({
      eventSource: 'cognito-idp.amazonaws.com',
      errorCode: 'AccessDeniedException',
      requestParameters: { UserPoolId: `${REGION}_GrpcDenied1` },
      userIdentity: { type: 'IAMUser', accessKeyId: key.AccessKeyId },
    });
  });

  it('writes no secret of the run into any audit record', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const text = stream.text();
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
  });
});
