import { ServiceError } from '@idfed/messaging';
import { aPool, aUser, inPlaceTransactions, tx } from '../../test/support/users-doubles';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { AdminResetUserPasswordUseCase } from './admin-reset-user-password.use-case';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { VerificationCodes } from './verification-codes';

const request = { UserPoolId: 'us-east-1_Spec1', Username: 'ann' };

function fixture(user: UserEntity | undefined, pool: UserPoolEntity = aPool()) {
  const lookup = {
    requireAdminUser: jest.fn(() =>
      user ? Promise.resolve({ pool, user }) : Promise.reject(CognitoErrors.userNotFound()),
    ),
  };
  const users = { update: jest.fn().mockResolvedValue(undefined) };
  const codes = { issue: jest.fn().mockResolvedValue('123456') };
  const delivery = { enqueue: jest.fn() };
  const useCase = new AdminResetUserPasswordUseCase(
    inPlaceTransactions(),
    lookup as unknown as UserLookup,
    users as unknown as UsersRepository,
    codes as unknown as VerificationCodes,
    delivery as unknown as BackgroundDelivery,
  );
  return { useCase, users, codes, delivery };
}

async function refusal(work: Promise<unknown>): Promise<ServiceError> {
  return work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => e,
  );
}

describe('AdminResetUserPassword', () => {
  it('makes the user RESET_REQUIRED and sends a reset code to the verified email, in one unit', async () => {
    const f = fixture(aUser({ attributes: { email: 'ann@example.com', email_verified: 'true' } }));
    await expect(f.useCase.execute(request)).resolves.toEqual({});
    expect(f.users.update).toHaveBeenCalledWith(
      aUser().sub,
      expect.objectContaining({ status: 'RESET_REQUIRED' }),
      tx,
    );
    expect(f.codes.issue).toHaveBeenCalledWith(aUser().sub, 'forgot-password', tx);
    expect(f.delivery.enqueue).toHaveBeenCalledWith(
      expect.objectContaining({
        medium: 'EMAIL',
        to: 'ann@example.com',
        text: expect.stringContaining('123456'),
      }),
    );
  });

  it('still resets a user with no verified address, sending nothing', async () => {
    const f = fixture(aUser({ attributes: { email: 'ann@example.com' } }));
    await f.useCase.execute(request);
    expect(f.users.update).toHaveBeenCalledWith(
      aUser().sub,
      expect.objectContaining({ status: 'RESET_REQUIRED' }),
      tx,
    );
    expect(f.codes.issue).not.toHaveBeenCalled();
    expect(f.delivery.enqueue).not.toHaveBeenCalled();
  });

  it.each(['FORCE_CHANGE_PASSWORD', 'EXTERNAL_PROVIDER'] as const)(
    'refuses a %s user with NotAuthorizedException and changes nothing',
    async (status) => {
      const f = fixture(aUser({ status, attributes: { email: 'ann@example.com', email_verified: 'true' } }));
      const e = await refusal(f.useCase.execute(request));
      expect(e.errorName).toBe('NotAuthorizedException');
      expect(f.users.update).not.toHaveBeenCalled();
      expect(f.delivery.enqueue).not.toHaveBeenCalled();
    },
  );

  it('refuses in a pool whose recovery is admin_only, as the API reference requires self-service recovery', async () => {
    const pool = aPool({
      accountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
    });
    const f = fixture(aUser({ attributes: { email: 'ann@example.com', email_verified: 'true' } }), pool);
    const e = await refusal(f.useCase.execute(request));
    expect(e.errorName).toBe('InvalidParameterException');
    expect(f.users.update).not.toHaveBeenCalled();
  });

  it('answers UserNotFoundException for a name the pool does not have', async () => {
    const f = fixture(undefined);
    expect((await refusal(f.useCase.execute(request))).errorName).toBe('UserNotFoundException');
  });

  it('refuses a malformed pool id before any lookup', async () => {
    const f = fixture(aUser());
    const e = await refusal(f.useCase.execute({ UserPoolId: 'no pool', Username: 'ann' }));
    expect(e.errorName).toBe('InvalidParameterException');
  });
});
