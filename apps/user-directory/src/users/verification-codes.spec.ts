import { tx } from '../../test/support/users-doubles';
import { VerificationCodeEntity } from '../database/entities';
import { CodeDigest } from './secrets-at-rest';
import {
  deliveryDetails,
  recoveryChannel,
  recoveryMechanisms,
  VerificationCodes,
} from './verification-codes';
import { VerificationCodesRepository } from './verification-codes.repository';

describe('password recovery channel', () => {
  it("prefers a verified phone, then a verified email (Cognito's legacy order), never an unverified one", () => {
    const email = { email: 'ann@example.com', email_verified: 'true' };
    const phone = { phone_number: '+15555550100', phone_number_verified: 'true' };
    expect(recoveryChannel({ ...email, ...phone })?.medium).toBe('SMS');
    expect(recoveryChannel({ ...email, phone_number: '+15555550100' })?.medium).toBe('EMAIL');
    expect(recoveryChannel({ ...phone, email: 'ann@example.com', email_verified: 'false' })?.medium).toBe(
      'SMS',
    );
    expect(recoveryChannel({ email: 'ann@example.com', phone_number: '+15555550100' })).toBeUndefined();
  });

  it('follows the AccountRecoverySetting by priority, and only the mechanisms it names', () => {
    const both = {
      email: 'ann@example.com',
      email_verified: 'true',
      phone_number: '+15555550100',
      phone_number_verified: 'true',
    };
    const emailFirst = recoveryMechanisms({
      accountRecoverySetting: {
        RecoveryMechanisms: [
          { Name: 'verified_phone_number', Priority: 2 },
          { Name: 'verified_email', Priority: 1 },
        ],
      },
    });
    expect(emailFirst).toEqual(['verified_email', 'verified_phone_number']);
    expect(recoveryChannel(both, emailFirst)?.medium).toBe('EMAIL');
    expect(recoveryChannel({ ...both, email_verified: 'false' }, emailFirst)?.medium).toBe('SMS');
    expect(recoveryChannel({ ...both, email_verified: 'false' }, ['verified_email'])).toBeUndefined();
    expect(recoveryMechanisms({})).toEqual(['verified_phone_number', 'verified_email']);
    expect(recoveryMechanisms({ accountRecoverySetting: { RecoveryMechanisms: [] } })).toEqual([
      'verified_phone_number',
      'verified_email',
    ]);
  });

  it('reports the destination masked, as Cognito does', () => {
    expect(deliveryDetails({ medium: 'EMAIL', attribute: 'email', destination: 'ann@example.com' })).toEqual({
      Destination: 'a***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    expect(
      deliveryDetails({ medium: 'SMS', attribute: 'phone_number', destination: '+15555550100' }).Destination,
    ).toBe('+*******0100');
  });
});

describe('VerificationCodes', () => {
  const digest = new CodeDigest(Buffer.alloc(32, 7));
  const sub = '6f1c2b3a-0000-4000-8000-000000000001';
  function codesWith(stored?: Partial<VerificationCodeEntity>) {
    const row = stored && { codeHash: 'x', expiresAt: new Date(Date.now() + 60_000), ...stored };
    const repository = {
      // What the statement answers, as PostgreSQL would for this stored code (or none).
      compare: jest.fn(async (_sub: string, _purpose: string, codeHash: string, now: Date) => ({
        live: row !== undefined && row.expiresAt.getTime() >= now.getTime(),
        same: row?.codeHash === codeHash,
      })),
      replace: jest.fn().mockResolvedValue(undefined),
      replaceUnlessNewer: jest.fn().mockResolvedValue(undefined),
      consume: jest.fn().mockResolvedValue(true),
    };
    return {
      repository,
      codes: new VerificationCodes(repository as unknown as VerificationCodesRepository, digest),
    };
  }

  it('stores only the keyed digest of a code it issues, in the unit of work it is given', async () => {
    const { repository, codes } = codesWith();
    const code = await codes.issue(sub, 'verify-email', tx);
    const [row, given] = repository.replace.mock.calls[0] as [VerificationCodeEntity, unknown];
    expect(given).toBe(tx);
    expect(row).toMatchObject({ userSub: sub, purpose: 'verify-email', codeHash: digest.digest(sub, code) });
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it('tells a match from a mismatch, and a missing or expired code from both', async () => {
    expect(
      await codesWith({ codeHash: digest.digest(sub, '123456') }).codes.check(
        sub,
        'confirm-sign-up',
        '123456',
      ),
    ).toBe('match');
    expect(
      await codesWith({ codeHash: digest.digest(sub, '123456') }).codes.check(
        sub,
        'confirm-sign-up',
        '654321',
      ),
    ).toBe('mismatch');
    expect(await codesWith().codes.check(sub, 'confirm-sign-up', '123456')).toBe('missing');
    const expired = { codeHash: digest.digest(sub, '123456'), expiresAt: new Date(Date.now() - 1) };
    expect(await codesWith(expired).codes.check(sub, 'confirm-sign-up', '123456')).toBe('missing');
  });

  it("looks an unknown user's code up as a known user's, under a sub nobody has", async () => {
    const { repository, codes } = codesWith();
    expect(await codes.check(undefined, 'forgot-password', '123456')).toBe('missing');
    const nobody = '00000000-0000-0000-0000-000000000000';
    expect(repository.compare).toHaveBeenCalledWith(
      nobody,
      'forgot-password',
      digest.digest(nobody, '123456'),
      expect.any(Date),
    );
  });

  it('does the same work for an unknown name, a user without a code and one with a code (ADR 0068)', async () => {
    const work = async (userSub: string | undefined, stored?: Partial<VerificationCodeEntity>) => {
      const { repository, codes } = codesWith(stored);
      const digests = jest.spyOn(digest, 'digest');
      const outcome = await codes.check(userSub, 'confirm-sign-up', '654321');
      const done = {
        outcome,
        statements: repository.compare.mock.calls.length,
        digests: digests.mock.calls.length,
      };
      digests.mockRestore();
      return done;
    };
    const stored = { codeHash: digest.digest(sub, '123456') };
    expect(await work(undefined)).toEqual({ outcome: 'missing', statements: 1, digests: 1 });
    expect(await work(sub)).toEqual({ outcome: 'missing', statements: 1, digests: 1 });
    expect(await work(sub, stored)).toEqual({ outcome: 'mismatch', statements: 1, digests: 1 });
  });

  it('issues a code after the answer: nothing stored until the work runs, then only its digest', async () => {
    const { repository, codes } = codesWith();
    const issue = codes.issueLater(sub, 'forgot-password');
    expect(repository.replaceUnlessNewer).not.toHaveBeenCalled();
    const code = await issue();
    const [row] = repository.replaceUnlessNewer.mock.calls[0] as [VerificationCodeEntity];
    expect(row).toMatchObject({
      userSub: sub,
      purpose: 'forgot-password',
      codeHash: digest.digest(sub, code),
    });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * 3600 * 1000);
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it('consumes a code by its digest, in the unit of work holding the user', async () => {
    const { repository, codes } = codesWith();
    expect(await codes.consume(sub, 'forgot-password', '123456', tx)).toBe(true);
    expect(repository.consume).toHaveBeenCalledWith(
      sub,
      'forgot-password',
      digest.digest(sub, '123456'),
      expect.any(Date),
      tx,
    );
  });
});
