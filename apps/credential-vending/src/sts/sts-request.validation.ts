import { Patterns, RequestValidator } from '../common/validate';
import { StsErrors } from '../common/iam-errors';

/** The members AssumeRole and AssumeRoleWithWebIdentity share, with STS's constraints. */
export function validateAssumeRequest(
  req: object,
  policyMax: number | undefined,
  extra: (v: RequestValidator) => RequestValidator = (v) => v,
): void {
  const v = RequestValidator.of(req)
    .string('RoleArn', { required: true, min: 20, max: 2048 })
    .string('RoleSessionName', { required: true, min: 2, max: 64, pattern: Patterns.roleSessionName })
    .integer('DurationSeconds', { min: 900, max: 43200 })
    .string('Policy', { min: 1, max: policyMax, pattern: Patterns.policyDocument });
  const arns = (req as { PolicyArns?: unknown }).PolicyArns;
  if (arns !== undefined) {
    const ok =
      Array.isArray(arns) &&
      arns.length <= 10 &&
      arns.every(
        (p) => typeof p === 'object' && p !== null && typeof (p as { arn?: unknown }).arn === 'string',
      );
    if (!ok) {
      throw StsErrors.validation(
        "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must be a list of at most 10 {arn} descriptors",
      );
    }
    arns.forEach((_p, i) => {
      const arn = (arns[i] as { arn: string }).arn;
      RequestValidator.of({ [`PolicyArns.member.${i + 1}.arn`]: arn })
        .string(`PolicyArns.member.${i + 1}.arn`, { min: 20, max: 2048 })
        .check(StsErrors.validation);
    });
  }
  extra(v).check(StsErrors.validation);
}
