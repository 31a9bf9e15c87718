import { randomUUID } from 'node:crypto';
import { AwsApi } from '@idfed/aws-protocol';
import { AnyOperation, AuditRecord, AuditUserIdentity, Caller, CommandMeta } from '@idfed/contracts';
import { redactRequest, redactResponse } from './audit-redaction';

/** What a service knows of itself for its audit records. */
export interface AuditOptions {
  /** IDFED_ACCOUNT_ID: the root's account and every record's recipientAccountId. */
  accountId: string;
  /** IDFED_REGION: the region of a command that names none. */
  region: string;
  /** Also record successful read-only calls (Get*, List*, Describe*...); refusals always are. */
  reads?: boolean;
}

/** An operation's outcome as the dispatcher saw it. */
export type AuditOutcome = { response: unknown } | { errorCode: string; errorMessage: string };

const READ_ONLY = /^(Get|List|Describe|Lookup|Decode)/;

/** CloudTrail's readOnly: the operations that only read (by AWS's naming, as CloudTrail decides). */
export function isReadOnly(operation: AnyOperation): boolean {
  return READ_ONLY.test(operation.name);
}

/**
 * Whether a call gets a record: a client operation signed by the admin key, an IAM user's key or
 * temporary credentials (public operations, such as sign-in, and the services' internal commands
 * have none), that changed state or was refused (reads too when the service is told to).
 */
export function isAudited(
  operation: AnyOperation,
  caller: Caller | undefined,
  failed: boolean,
  options: Pick<AuditOptions, 'reads'>,
): boolean {
  if (operation.access === 'public' || operation.access === 'internal') return false;
  if (caller?.kind !== 'admin' && caller?.kind !== 'temporary') return false;
  return failed || options.reads === true || !isReadOnly(operation);
}

export function auditRecord(
  operation: AnyOperation,
  request: unknown,
  meta: CommandMeta,
  outcome: AuditOutcome,
  options: AuditOptions,
  now: Date = new Date(),
): AuditRecord {
  const api = apiOf(operation);
  const refused = 'errorCode' in outcome;
  return {
    eventVersion: '1.08',
    eventTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: `${api ?? operation.service}.amazonaws.com`,
    eventName: operation.name,
    awsRegion: meta.region ?? options.region,
    ...(meta.sourceIp ? { sourceIPAddress: meta.sourceIp } : {}),
    ...(meta.userAgent ? { userAgent: meta.userAgent } : {}),
    userIdentity: userIdentity(meta.caller, options.accountId),
    requestParameters: redactRequest(api, operation.name, request),
    responseElements: refused ? null : redactResponse(outcome.response),
    ...(refused ? { errorCode: outcome.errorCode, errorMessage: outcome.errorMessage } : {}),
    requestID: meta.requestId,
    eventID: randomUUID(),
    readOnly: isReadOnly(operation),
    eventType: 'AwsApiCall',
    managementEvent: true,
    eventCategory: 'Management',
    recipientAccountId: options.accountId,
  };
}

function apiOf(operation: AnyOperation): AwsApi | undefined {
  const surface = operation.surface;
  return surface.protocol === 'bus' ? undefined : surface.api;
}

/**
 * The caller as CloudTrail names it: the admin key is the account's root; an IAM user's key an
 * IAMUser; temporary credentials an AssumedRole (a role session) or a FederatedUser
 * (GetFederationToken). The ARN is the one the gateway decided the call with.
 */
export function userIdentity(caller: Caller, accountId: string): AuditUserIdentity {
  if (caller.kind === 'anonymous') throw new Error('an anonymous call has no audit identity');
  const arn = caller.principalArn;
  if (caller.kind === 'admin' && !arn) {
    return {
      type: 'Root',
      principalId: accountId,
      arn: `arn:aws:iam::${accountId}:root`,
      accountId,
      accessKeyId: caller.accessKeyId,
    };
  }
  const account = /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(arn ?? '')?.[1] ?? accountId;
  const federated = /:federated-user\/(.+)$/.exec(arn ?? '');
  if (federated) {
    return {
      type: 'FederatedUser',
      ...(caller.kind === 'admin' && caller.principalId ? { principalId: caller.principalId } : {}),
      arn: arn!,
      accountId: account,
      accessKeyId: caller.accessKeyId,
      userName: federated[1],
    };
  }
  // An IAM user's key, or a session of it (GetSessionToken), is the user.
  if (caller.kind === 'admin' || /^arn:aws:iam::\d{12}:user\//.test(arn ?? '')) {
    return {
      type: 'IAMUser',
      // The user's id (AIDA...), as CloudTrail's principalId; the gateway resolved it with the key.
      ...(caller.kind === 'admin' && caller.principalId ? { principalId: caller.principalId } : {}),
      arn: arn!,
      accountId: account,
      accessKeyId: caller.accessKeyId,
      userName: arn!.slice(arn!.lastIndexOf('/') + 1),
    };
  }
  const session = caller.session;
  return {
    type: 'AssumedRole',
    ...(session ? { principalId: `${session.roleId}:${session.sessionName}` } : {}),
    arn: caller.principalArn,
    accountId: account,
    accessKeyId: caller.accessKeyId,
    ...(session
      ? {
          sessionContext: {
            sessionIssuer: {
              type: 'Role',
              principalId: session.roleId,
              arn: session.roleArn,
              accountId: account,
            },
            attributes: { creationDate: session.issuedAt },
          },
        }
      : {}),
  };
}
