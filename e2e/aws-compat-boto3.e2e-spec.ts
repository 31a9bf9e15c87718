import { e2eSystem } from './support/e2e-context';
import { ensureBoto3, runPython } from './support/python-clients';

interface Boto3CompatRun {
  badName: { code: string; message: string; status: number } | null;
  mixed: { code: string; status: number } | null;
  legacyFlows: string[];
  legacySignIn: boolean;
}

/**
 * A slice of issue 13's compatibility answers through boto3 (e2e/python/compat_flow.py), since many
 * suites written for AWS are pytest + boto3 (ADR 0047): AWS answers an identity-pool name outside
 * its pattern with ValidationException at 'identityPoolName' (getmoto/moto#1979, verified against
 * AWS in moto#4415); "You can't assign these legacy ExplicitAuthFlows values to user pool clients
 * at the same time as values that begin with ALLOW_"; ADMIN_NO_SRP_AUTH still signs in.
 */
describe('issue 13 compatibility answers with boto3', () => {
  const system = e2eSystem();

  it('answers as AWS does: ValidationException for a bad identity-pool name, legacy flows alone', () => {
    ensureBoto3();
    const run = runPython<Boto3CompatRun>('compat_flow.py', {
      IDFED_ENDPOINT: system.endpoint,
      IDFED_ADMIN_ACCESS_KEY_ID: system.adminAccessKeyId,
      IDFED_ADMIN_SECRET_ACCESS_KEY: system.adminSecretAccessKey,
    });
    expect(run.badName).toMatchObject({ code: 'ValidationException', status: 400 });
    expect(run.badName!.message).toMatch(/at 'identityPoolName' failed to satisfy constraint/);
    expect(run.mixed).toMatchObject({ code: 'InvalidParameterException', status: 400 });
    expect(run.legacyFlows).toEqual(['ADMIN_NO_SRP_AUTH']);
    expect(run.legacySignIn).toBe(true);
  });
});
