import { internalOperation } from '../operations';

const svc = 'credential-vending' as const;

/**
 * A gateway saw an IAM user's access key sign a request (ADR 0078): when (ISO 8601), for which
 * service (the signature's service, as AWS names it: `iam`, `sts`, `cognito-idp`...) and in which
 * region (the signature's). Sent at most once per key every few minutes by each gateway replica.
 */
export interface RecordAccessKeyUseRequest {
  AccessKeyId: string;
  UsedAt: string;
  ServiceName: string;
  Region: string;
}

/** Whether the key's last use changed (false: the key is gone, or a newer use is already kept). */
export interface RecordAccessKeyUseResult {
  Recorded: boolean;
}

/** Bus-only operations of credential vending for the gateways' access key use reports. */
export const KeyUseOperations = {
  RecordAccessKeyUse: internalOperation<RecordAccessKeyUseRequest, RecordAccessKeyUseResult>()(
    svc,
    'RecordAccessKeyUse',
  ),
} as const;
