import { Patterns, RequestValidator } from '../common/validate';

/** `VersionId` as IAM takes it: `v<n>`, optionally with a `.suffix`. */
export function validateVersionId(req: { VersionId: string }): void {
  RequestValidator.of(req).string('VersionId', { required: true, pattern: Patterns.policyVersionId }).check();
}
