import { randomBytes } from 'node:crypto';
import { AttemptLimiter } from '../attempts/attempt-limiter';
import { CognitoErrors } from '../common/cognito-errors';
import { UserMfaEntity } from '../database/entities';
import { aUser, outcome } from '../../test/support/users-doubles';
import { TotpSecretSeal } from '../users/secrets-at-rest';
import { SoftwareTokens } from './software-tokens';
import { totpCode, totpStep } from '@idfed/crypto';
import { UserMfaRepository } from './user-mfa.repository';

const NOW = 1_765_000_000_000;

function setUp(row: Partial<UserMfaEntity> | undefined) {
  const seal = new TotpSecretSeal(randomBytes(32));
  const rows = {
    find: jest.fn(async () =>
      row
        ? ({ totpEnabled: false, totpSecretEnc: null, totpPendingEnc: null, ...row } as UserMfaEntity)
        : undefined,
    ),
    storePending: jest.fn(async () => undefined),
    activatePending: jest.fn(async (): Promise<'activated' | 'stale'> => 'activated'),
    useStep: jest.fn(async () => true),
  };
  const attempts = { begin: jest.fn(async () => undefined), succeeded: jest.fn(async () => undefined) };
  const tokens = new SoftwareTokens(
    rows as unknown as UserMfaRepository,
    seal,
    attempts as unknown as AttemptLimiter,
    () => NOW,
  );
  return { seal, rows, attempts, tokens };
}

const user = aUser();

describe('SoftwareTokens', () => {
  it('hands out a new 160-bit secret in base32 and keeps it only sealed, pending', async () => {
    const { rows, tokens, seal } = setUp(undefined);
    const code = await tokens.associate(user);
    expect(code).toMatch(/^[A-Z2-7]{32}$/);
    const [sub, sealed] = rows.storePending.mock.calls[0] as unknown as [string, Buffer];
    expect(sub).toBe(user.sub);
    expect(sealed.toString('latin1')).not.toContain(code);
    expect(seal.open(user.sub, sealed)).toHaveLength(20);
    // Sealed for this user: it does not open as another's.
    expect(() => seal.open('another-sub', sealed)).toThrow();
  });

  it('verifies a code of the pending secret, one step either side of now, counting the attempt', async () => {
    const secret = randomBytes(20);
    for (const offset of [-1, 0, 1]) {
      const { seal, rows, attempts, tokens } = setUp(undefined);
      const pending = seal.seal(user.sub, secret);
      rows.find.mockResolvedValue({ totpPendingEnc: pending } as UserMfaEntity);
      const step = totpStep(NOW) + offset;
      await tokens.verifyPending(user, totpCode(secret, step), 'phone', false);
      expect(rows.activatePending).toHaveBeenCalledWith(
        user.sub,
        pending,
        step,
        'phone',
        false,
        new Date(NOW),
      );
      expect(attempts.begin).toHaveBeenCalledWith('mfa-code', {
        poolId: user.poolId,
        key: `user:${user.sub}`,
      });
      expect(attempts.succeeded).toHaveBeenCalled();
    }
  });

  it('refuses a wrong or too old code with EnableSoftwareTokenMFAException, counted and not forgotten', async () => {
    const secret = randomBytes(20);
    const { seal, rows, attempts, tokens } = setUp(undefined);
    rows.find.mockResolvedValue({ totpPendingEnc: seal.seal(user.sub, secret) } as UserMfaEntity);
    const stale = totpCode(secret, totpStep(NOW) - 2);
    await expect(outcome(tokens.verifyPending(user, stale, null, false))).resolves.toBe(
      'EnableSoftwareTokenMFAException',
    );
    expect(attempts.begin).toHaveBeenCalledTimes(1);
    expect(attempts.succeeded).not.toHaveBeenCalled();
    expect(rows.activatePending).not.toHaveBeenCalled();
  });

  it('refuses the code when another verification took its step first (the statement says stale)', async () => {
    const secret = randomBytes(20);
    const { seal, rows, attempts, tokens } = setUp(undefined);
    rows.find.mockResolvedValue({ totpPendingEnc: seal.seal(user.sub, secret) } as UserMfaEntity);
    rows.activatePending.mockResolvedValue('stale');
    await expect(
      outcome(tokens.verifyPending(user, totpCode(secret, totpStep(NOW)), null, true)),
    ).resolves.toBe('EnableSoftwareTokenMFAException');
    expect(attempts.succeeded).not.toHaveBeenCalled();
  });

  it('answers SoftwareTokenMFANotFoundException when no secret was associated', async () => {
    const { tokens, attempts } = setUp(undefined);
    await expect(outcome(tokens.verifyPending(user, '123456', null, false))).resolves.toBe(
      'SoftwareTokenMFANotFoundException',
    );
    await expect(outcome(tokens.checkSignInCode(user, '123456'))).resolves.toBe(
      'SoftwareTokenMFANotFoundException',
    );
    expect(attempts.begin).not.toHaveBeenCalled();
  });

  it('accepts a sign-in code once: the step must be taken by the statement', async () => {
    const secret = randomBytes(20);
    const { seal, rows, attempts, tokens } = setUp(undefined);
    const sealed = seal.seal(user.sub, secret);
    rows.find.mockResolvedValue({ totpEnabled: true, totpSecretEnc: sealed } as UserMfaEntity);
    const code = totpCode(secret, totpStep(NOW));
    await tokens.checkSignInCode(user, code);
    expect(rows.useStep).toHaveBeenCalledWith(user.sub, sealed, totpStep(NOW));
    rows.useStep.mockResolvedValue(false);
    await expect(outcome(tokens.checkSignInCode(user, code))).resolves.toBe('CodeMismatchException');
    expect(attempts.begin).toHaveBeenCalledTimes(2);
    expect(attempts.succeeded).toHaveBeenCalledTimes(1);
  });

  it('refuses a sign-in code of a token that is verified but turned off', async () => {
    const { seal, rows, tokens } = setUp(undefined);
    rows.find.mockResolvedValue({
      totpEnabled: false,
      totpSecretEnc: seal.seal(user.sub, randomBytes(20)),
    } as UserMfaEntity);
    await expect(outcome(tokens.checkSignInCode(user, '123456'))).resolves.toBe(
      'SoftwareTokenMFANotFoundException',
    );
  });

  it('refuses during a lockout before looking at the code', async () => {
    const secret = randomBytes(20);
    const { seal, rows, attempts, tokens } = setUp(undefined);
    rows.find.mockResolvedValue({
      totpEnabled: true,
      totpSecretEnc: seal.seal(user.sub, secret),
    } as UserMfaEntity);
    attempts.begin.mockRejectedValue(CognitoErrors.notAuthorized('Password attempts exceeded'));
    await expect(outcome(tokens.checkSignInCode(user, totpCode(secret, totpStep(NOW))))).resolves.toBe(
      'NotAuthorizedException',
    );
    expect(rows.useStep).not.toHaveBeenCalled();
  });
});
