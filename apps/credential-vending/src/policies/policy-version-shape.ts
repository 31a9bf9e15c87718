import { PolicyVersion } from '@idfed/contracts';
import { awsTimestamp } from '../common/timestamps';
import { urlEncodedDocument } from '../common/policy-documents';
import { StoredVersion } from './managed-policies.repository';

/** A version as IAM answers it: the document (URL-encoded) only where it is given. */
export function toPolicyVersion(
  version: StoredVersion & { document?: string },
  defaultVersionId: string,
): PolicyVersion {
  return {
    ...(version.document !== undefined ? { Document: urlEncodedDocument(version.document) } : {}),
    VersionId: version.versionId,
    IsDefaultVersion: version.versionId === defaultVersionId,
    CreateDate: awsTimestamp(version.createdAt),
  };
}

/** IAM keeps at most this many versions of a managed policy. */
export const MAX_POLICY_VERSIONS = 5;
