import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { e2eSystem } from './e2e-context';

/** AWS's SAML audience (the relying party an IAM SAML provider's assertions name), and its attributes. */
export const AWS_SAML_AUDIENCE = 'https://signin.aws.amazon.com/saml';
export const SAML_ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';
export const SAML_SESSION_NAME_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';

/** Credentials as the AWS SDK v3 clients take them. */
export interface SdkCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A policy document of these statements, as IAM's `PolicyDocument` members take it. */
export const policyDocument = (statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** STS's `Credentials` (AssumeRole, GetSessionToken, ...) as an SDK client takes them. */
export const sdkCredentialsOf = (c: {
  AccessKeyId?: string;
  SecretAccessKey?: string;
  SessionToken?: string;
}): SdkCredentials => ({
  accessKeyId: c.AccessKeyId!,
  secretAccessKey: c.SecretAccessKey!,
  ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
});

export interface IamUserWithKey {
  UserName: string;
  /** The user's ARN in idfed's default account, with its path. */
  arn: string;
  accessKeyId: string;
  /** The user's access key, as SDK clients take it. */
  credentials: SdkCredentials;
}

/**
 * An IAM user made by the admin client `iam`, with an inline policy of `statements` (none when
 * left out) and an access key of its own: the signer most IAM specs need. The name is
 * `<prefix>-<random>`, so specs sharing a system never collide.
 */
export async function iamUserWithKey(
  iam: IAMClient,
  {
    prefix,
    statements,
    policyName = 'p',
    path,
    account = '000000000000',
  }: { prefix: string; statements?: object[]; policyName?: string; path?: string; account?: string },
): Promise<IamUserWithKey> {
  const UserName = `${prefix}-${randomBytes(4).toString('hex')}`;
  await iam.send(new CreateUserCommand({ UserName, ...(path ? { Path: path } : {}) }));
  if (statements) {
    await iam.send(
      new PutUserPolicyCommand({
        UserName,
        PolicyName: policyName,
        PolicyDocument: policyDocument(statements),
      }),
    );
  }
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
  return {
    UserName,
    arn: `arn:aws:iam::${account}:user${path ?? '/'}${UserName}`,
    accessKeyId: key.AccessKeyId!,
    credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
  };
}

/** IAM and STS clients signed with the admin key (the account's root), for a spec's set-up. */
export function adminIamAndSts(
  system = e2eSystem(),
  region = 'us-east-1',
): { iam: IAMClient; sts: STSClient } {
  const options = {
    region,
    endpoint: system.endpoint,
    credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    maxAttempts: 1,
  };
  return { iam: new IAMClient(options), sts: new STSClient(options) };
}
