import { internalOperation, OperationContract } from './operations';
import { SERVICE_NAMES, ServiceName } from './services';

/**
 * Each service's audit stream (ADR 0054): one CloudTrail-like record per signed call that changed
 * state or was refused, written through the service's outbox, keyed by the account id.
 */
export function auditTopic(service: ServiceName): string {
  return `${service}.audit.v1`;
}

/** What CloudTrail writes in place of a secret member's value. */
export const AUDIT_REDACTED = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** Who called, as CloudTrail's `userIdentity`. Never a secret: the access key id only. */
export interface AuditUserIdentity {
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser';
  /** The account id (Root), the role id and session name (AssumedRole); absent when idfed has no id at hand. */
  principalId?: string;
  arn: string;
  accountId: string;
  accessKeyId: string;
  /** The IAM user's or federated user's name. */
  userName?: string;
  /** A role session's issuer and times (AssumedRole). */
  sessionContext?: {
    sessionIssuer: { type: 'Role'; principalId: string; arn: string; accountId: string };
    attributes: { creationDate: string };
  };
}

/** One audit record, shaped as a CloudTrail record where the fields apply. */
export interface AuditRecord {
  eventVersion: '1.08';
  eventTime: string;
  /** `iam.amazonaws.com`, `cognito-idp.amazonaws.com`, ... */
  eventSource: string;
  /** The operation. */
  eventName: string;
  awsRegion: string;
  sourceIPAddress?: string;
  userAgent?: string;
  userIdentity: AuditUserIdentity;
  /** The request with every secret member replaced by AUDIT_REDACTED. */
  requestParameters: Record<string, unknown> | null;
  /** The answer, redacted the same way; null for a refusal. */
  responseElements: Record<string, unknown> | null;
  /** The AWS error name of a refused call, and its message. */
  errorCode?: string;
  errorMessage?: string;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  eventType: 'AwsApiCall';
  managementEvent: true;
  eventCategory: 'Management';
  recipientAccountId: string;
}

/**
 * A call the gateway refused before it reached the service (an IAM user's policy denying it, input
 * refused at the edge): the gateway has no outbox, so it hands the refusal to the operation's own
 * service, which writes its record as the dispatcher writes its own refusals (ADR 0075).
 */
export interface RecordRefusedCallRequest {
  /** The refused operation's name, one the service serves. */
  operation: string;
  /** The request as the gateway read it; null when the input itself was refused. */
  requestParameters: Record<string, unknown> | null;
  errorCode: string;
  errorMessage: string;
}

/** Every service answers `<service>.RecordRefusedCall` over the bus (served by ServiceModule). */
export const AuditCommands = Object.fromEntries(
  SERVICE_NAMES.map((service) => [
    service,
    internalOperation<RecordRefusedCallRequest, Record<string, never>>()(service, 'RecordRefusedCall'),
  ]),
) as Record<
  ServiceName,
  OperationContract<
    RecordRefusedCallRequest,
    Record<string, never>,
    'InternalErrorException' | 'ServiceUnavailable'
  >
>;
