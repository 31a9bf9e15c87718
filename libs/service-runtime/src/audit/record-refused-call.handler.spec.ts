import { AUDIT_REDACTED, Caller, CommandMeta, UserDirectoryOperations } from '@idfed/contracts';
import { AuditTrail } from './audit-trail';
import { RecordRefusedCallHandler } from './record-refused-call.handler';

const iamUser: Caller = {
  kind: 'admin',
  accessKeyId: 'AKIAUSERKEY000000000',
  principalArn: 'arn:aws:iam::123456789012:user/alice',
  principalId: 'AIDAEXAMPLEALICE0001',
};
const meta: CommandMeta = { requestId: 'req-9', caller: iamUser, region: 'eu-west-1' };

/** An AuditTrail whose outbox is a list: what the handler has it write, record by record. */
function recordingTrail() {
  const written: { topic: string; payload: Record<string, unknown> }[] = [];
  const outbox = { add: (_manager: unknown, row: (typeof written)[number]) => written.push(row) };
  const trail = new AuditTrail(
    { accountId: '123456789012', region: 'us-east-1' },
    { manager: {} } as never,
    outbox as never,
  );
  return { trail, written };
}

describe('RecordRefusedCallHandler', () => {
  it('writes the gateway’s refusal as the refused operation’s record, under the refused caller', async () => {
    const { trail, written } = recordingTrail();
    const handler = new RecordRefusedCallHandler('user-directory', trail);
    await handler.execute(
      {
        operation: 'AdminSetUserPassword',
        requestParameters: { UserPoolId: 'eu-west-1_abc', Username: 'bob', Password: 'Sup3r-secret!' },
        errorCode: 'AccessDeniedException',
        errorMessage: 'User: arn:aws:iam::123456789012:user/alice is not authorized',
      },
      meta,
    );
    expect(written).toHaveLength(1);
    expect(written[0].topic).toBe('user-directory.audit.v1');
    expect(written[0].payload).toMatchObject({
      eventSource: 'cognito-idp.amazonaws.com',
      eventName: 'AdminSetUserPassword',
      awsRegion: 'eu-west-1',
      errorCode: 'AccessDeniedException',
      responseElements: null,
      requestID: 'req-9',
      userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/alice' },
      requestParameters: { UserPoolId: 'eu-west-1_abc', Password: AUDIT_REDACTED },
    });
    expect(JSON.stringify(written)).not.toContain('Sup3r-secret!');
  });

  it('keeps no parameters of input refused at the edge', async () => {
    const { trail, written } = recordingTrail();
    await new RecordRefusedCallHandler('user-directory', trail).execute(
      {
        operation: UserDirectoryOperations.CreateUserPool.name,
        requestParameters: null,
        errorCode: 'InvalidParameterException',
        errorMessage: '1 validation error detected',
      },
      meta,
    );
    expect(written[0].payload).toMatchObject({ eventName: 'CreateUserPool', requestParameters: null });
  });

  it('writes device sync’s record of a refused socket sign-in, and no other service’s (ADR 0090)', async () => {
    const session: Caller = {
      kind: 'temporary',
      accessKeyId: 'ASIASESSION000000000',
      principalArn: 'arn:aws:sts::123456789012:assumed-role/app/s1',
      session: {
        roleArn: 'arn:aws:iam::123456789012:role/app',
        roleId: 'AROAEXAMPLE',
        sessionName: 's1',
        issuedAt: '2026-12-07T00:00:00.000Z',
        expiresAt: '2026-12-07T01:00:00.000Z',
      },
    };
    const refusal = {
      operation: 'Connect',
      requestParameters: { deviceId: 'phone' },
      errorCode: 'NotAuthorizedException',
      errorMessage: "These temporary credentials are not an identity's",
    };
    const sync = recordingTrail();
    await new RecordRefusedCallHandler('device-sync', sync.trail).execute(refusal, {
      requestId: 'sock-1',
      caller: session,
      region: 'eu-west-1',
    });
    expect(sync.written).toHaveLength(1);
    expect(sync.written[0].topic).toBe('device-sync.audit.v1');
    expect(sync.written[0].payload).toMatchObject({
      eventSource: 'cognito-sync.amazonaws.com',
      eventName: 'Connect',
      awsRegion: 'eu-west-1',
      errorCode: 'NotAuthorizedException',
      requestParameters: { deviceId: 'phone' },
      userIdentity: { type: 'AssumedRole' },
    });
    const other = recordingTrail();
    await new RecordRefusedCallHandler('user-directory', other.trail).execute(refusal, meta);
    expect(other.written).toHaveLength(0);
  });

  it.each([
    ['an operation of another service', 'CreateRole'],
    ['an internal command', 'health'],
    ['a name no service has', 'NoSuchOperation'],
  ])('writes nothing for %s', async (_what, operation) => {
    const { trail, written } = recordingTrail();
    await new RecordRefusedCallHandler('user-directory', trail).execute(
      { operation, requestParameters: null, errorCode: 'AccessDeniedException', errorMessage: 'no' },
      meta,
    );
    expect(written).toHaveLength(0);
  });

  it('writes nothing for a caller the audit does not name (anonymous)', async () => {
    const { trail, written } = recordingTrail();
    await new RecordRefusedCallHandler('user-directory', trail).execute(
      {
        operation: 'AdminGetUser',
        requestParameters: null,
        errorCode: 'AccessDeniedException',
        errorMessage: 'no',
      },
      { requestId: 'r', caller: { kind: 'anonymous' } },
    );
    expect(written).toHaveLength(0);
  });

  it('does nothing in a service that keeps no audit', async () => {
    await expect(
      new RecordRefusedCallHandler('user-directory').execute(
        {
          operation: 'AdminGetUser',
          requestParameters: null,
          errorCode: 'AccessDeniedException',
          errorMessage: 'no',
        },
        meta,
      ),
    ).resolves.toEqual({});
  });
});
