import {
  AUDIT_REDACTED,
  Caller,
  FederationBrokerOperations,
  CredentialVendingOperations,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { auditRecord, isAudited, userIdentity } from './audit-record';

const ACCOUNT = '123456789012';
const options = { accountId: ACCOUNT, region: 'us-east-1' };
const root: Caller = { kind: 'admin', accessKeyId: 'ADMINKEY0000000000' };
const iamUser: Caller = {
  kind: 'admin',
  accessKeyId: 'AKIAUSERKEY000000000',
  principalArn: `arn:aws:iam::${ACCOUNT}:user/ops/alice`,
  principalId: 'AIDAEXAMPLEALICE0001',
};
const role: Caller = {
  kind: 'temporary',
  accessKeyId: 'ASIATEMP000000000000',
  principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci`,
  session: {
    roleArn: `arn:aws:iam::${ACCOUNT}:role/deployer`,
    roleId: 'AROAEXAMPLE',
    sessionName: 'ci',
    issuedAt: '2026-12-07T00:00:00.000Z',
    expiresAt: '2026-12-07T01:00:00.000Z',
  },
};

describe('audit records', () => {
  it('is shaped as CloudTrail’s record of an IAM call by the root, the secret of the answer hidden', () => {
    const record = auditRecord(
      CredentialVendingOperations.CreateAccessKey,
      { UserName: 'alice' },
      { requestId: 'req-1', caller: root, sourceIp: '203.0.113.9', userAgent: 'aws-sdk-js/3' },
      {
        response: { AccessKey: { AccessKeyId: 'AKIANEW', SecretAccessKey: 'the-secret', Status: 'Active' } },
      },
      options,
      new Date('2026-12-07T02:00:00.123Z'),
    );
    expect(record).toEqual({
      eventVersion: '1.08',
      eventTime: '2026-12-07T02:00:00Z',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.9',
      userAgent: 'aws-sdk-js/3',
      userIdentity: {
        type: 'Root',
        principalId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        accountId: ACCOUNT,
        accessKeyId: 'ADMINKEY0000000000',
      },
      requestParameters: { UserName: 'alice' },
      responseElements: {
        AccessKey: { AccessKeyId: 'AKIANEW', SecretAccessKey: AUDIT_REDACTED, Status: 'Active' },
      },
      requestID: 'req-1',
      eventID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      eventCategory: 'Management',
      recipientAccountId: ACCOUNT,
    });
  });

  it('records a refusal with its error, no answer, in the region the call was for', () => {
    const record = auditRecord(
      UserDirectoryOperations.AdminCreateUser,
      { UserPoolId: 'eu-west-1_x', Username: 'bob', TemporaryPassword: 'Temp-Passw0rd!' },
      { requestId: 'req-2', caller: iamUser, region: 'eu-west-1' },
      { errorCode: 'UsernameExistsException', errorMessage: 'User account already exists' },
      options,
    );
    expect(record).toMatchObject({
      eventSource: 'cognito-idp.amazonaws.com',
      awsRegion: 'eu-west-1',
      // botocore marks Cognito's user names sensitive, and CloudTrail hides them as it does here.
      requestParameters: {
        UserPoolId: 'eu-west-1_x',
        Username: AUDIT_REDACTED,
        TemporaryPassword: AUDIT_REDACTED,
      },
      responseElements: null,
      errorCode: 'UsernameExistsException',
      errorMessage: 'User account already exists',
    });
    expect(JSON.stringify(record)).not.toContain('Temp-Passw0rd!');
  });

  it('names IAM users, role sessions and federated users as CloudTrail does', () => {
    expect(userIdentity(iamUser, ACCOUNT)).toEqual({
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLEALICE0001',
      arn: `arn:aws:iam::${ACCOUNT}:user/ops/alice`,
      accountId: ACCOUNT,
      accessKeyId: 'AKIAUSERKEY000000000',
      userName: 'alice',
    });
    expect(userIdentity(role, ACCOUNT)).toEqual({
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:ci',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci`,
      accountId: ACCOUNT,
      accessKeyId: 'ASIATEMP000000000000',
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: 'AROAEXAMPLE',
          arn: `arn:aws:iam::${ACCOUNT}:role/deployer`,
          accountId: ACCOUNT,
        },
        attributes: { creationDate: '2026-12-07T00:00:00.000Z' },
      },
    });
    expect(
      userIdentity(
        {
          kind: 'temporary',
          accessKeyId: 'ASIAF',
          principalArn: `arn:aws:sts::${ACCOUNT}:federated-user/bob`,
        },
        ACCOUNT,
      ),
    ).toMatchObject({ type: 'FederatedUser', userName: 'bob' });
    // GetFederationToken's session, decided in the gateway: CloudTrail's `<account>:<name>` id.
    expect(
      userIdentity(
        {
          kind: 'admin',
          accessKeyId: 'ASIAF',
          principalArn: `arn:aws:sts::${ACCOUNT}:federated-user/bob`,
          principalId: `${ACCOUNT}:bob`,
        },
        ACCOUNT,
      ),
    ).toMatchObject({ type: 'FederatedUser', principalId: `${ACCOUNT}:bob`, userName: 'bob' });
    // A session of an IAM user's own key (GetSessionToken) is the user.
    expect(
      userIdentity(
        { kind: 'temporary', accessKeyId: 'ASIAS', principalArn: `arn:aws:iam::${ACCOUNT}:user/carol` },
        ACCOUNT,
      ),
    ).toMatchObject({ type: 'IAMUser', userName: 'carol' });
  });

  it('audits signed changes and refusals, not public or internal calls, reads only when told', () => {
    const anonymous: Caller = { kind: 'anonymous' };
    expect(isAudited(UserDirectoryOperations.AdminDeleteUser, root, false, {})).toBe(true);
    expect(isAudited(CredentialVendingOperations.CreateRole, role, true, {})).toBe(true);
    expect(isAudited(UserDirectoryOperations.InitiateAuth, anonymous, false, {})).toBe(false);
    expect(isAudited(UserDirectoryOperations.InitiateAuth, root, false, {})).toBe(false);
    expect(isAudited(CredentialVendingOperations.GetRolePermissions, root, false, {})).toBe(false);
    expect(isAudited(CredentialVendingOperations.ListUsers, iamUser, false, {})).toBe(false);
    expect(isAudited(CredentialVendingOperations.ListUsers, iamUser, true, {})).toBe(true);
    expect(isAudited(CredentialVendingOperations.ListUsers, iamUser, false, { reads: true })).toBe(true);
    expect(isAudited(FederationBrokerOperations.DescribeIdentityPool, root, false, {})).toBe(false);
  });
});
