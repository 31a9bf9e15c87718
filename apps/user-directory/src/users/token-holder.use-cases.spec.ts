import { OutboxService } from '@idfed/messaging';
import { aPool, aUser, inPlaceTransactions, meta, outcome, tx } from '../../test/support/users-doubles';
import { AttemptLimiter } from '../attempts/attempt-limiter';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { UserEntity } from '../database/entities';
import { MessageSender } from '../delivery/message-sender';
import { DeleteUserUseCase } from './delete-user.use-case';
import { GetUserAttributeVerificationCodeUseCase } from './get-user-attribute-verification-code.use-case';
import { UserAttributeEdits } from './user-attribute-edits';
import { UserDeletion } from './user-deletion';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { VerificationCodes } from './verification-codes';
import { VerifyUserAttributeUseCase } from './verify-user-attribute.use-case';

/** The operations of an access token's holder: the user the token names, held where it changes. */
function doubles(user: UserEntity, held: UserEntity = user) {
  const tokens = {
    userOf: jest.fn().mockResolvedValue(user),
    verify: jest.fn().mockResolvedValue({ user, claims: { client_id: 'client-1' } }),
  };
  const lookup = { lockUser: jest.fn().mockResolvedValue(held) };
  const users = {
    update: jest.fn().mockResolvedValue(undefined),
    updateClaiming: jest.fn().mockResolvedValue('updated'),
  };
  const attempts = {
    begin: jest.fn().mockResolvedValue(undefined),
    succeeded: jest.fn().mockResolvedValue(undefined),
  };
  const codes = {
    check: jest.fn().mockResolvedValue('match'),
    consume: jest.fn().mockResolvedValue(true),
    issue: jest.fn().mockResolvedValue('123456'),
  };
  const sender = { send: jest.fn().mockResolvedValue(undefined) };
  const edits = { poolOf: jest.fn().mockResolvedValue(aPool()) };
  const deletion = { delete: jest.fn().mockResolvedValue(undefined) };
  const outbox = { nudge: jest.fn() };
  return {
    lookup,
    users,
    attempts,
    codes,
    sender,
    deletion,
    typed: {
      tokens: tokens as unknown as AccessTokenVerifier,
      lookup: lookup as unknown as UserLookup,
      users: users as unknown as UsersRepository,
      attempts: attempts as unknown as AttemptLimiter,
      codes: codes as unknown as VerificationCodes,
      sender: sender as unknown as MessageSender,
      edits: edits as unknown as UserAttributeEdits,
      deletion: deletion as unknown as UserDeletion,
      outbox: outbox as unknown as OutboxService,
    },
  };
}

describe('VerifyUserAttribute', () => {
  const useCase = (d: ReturnType<typeof doubles>) =>
    new VerifyUserAttributeUseCase(
      inPlaceTransactions(),
      d.typed.users,
      d.typed.lookup,
      d.typed.tokens,
      d.typed.attempts,
      d.typed.codes,
    );
  const request = { AccessToken: 'token', AttributeName: 'email', Code: '123456' };

  it('uses the code up on the held user and marks the email verified', async () => {
    const user = aUser();
    const d = doubles(user);
    await useCase(d).execute(request);
    expect(d.codes.consume).toHaveBeenCalledWith(user.sub, 'verify-email', '123456', tx);
    expect(d.users.updateClaiming).toHaveBeenCalledWith(
      user.sub,
      { attributes: { email: 'ann@example.com', email_verified: 'true' }, updatedAt: expect.any(Date) },
      tx,
    );
    expect(d.attempts.succeeded).toHaveBeenCalled();
  });

  it('makes a value waiting for verification the email, verified, and forgets it (ADR 0044)', async () => {
    const user = aUser({
      attributes: { email: 'ann@example.com', email_verified: 'true' },
      pendingAttributes: { email: 'new@example.com' },
    });
    const d = doubles(user);
    await useCase(d).execute(request);
    expect(d.users.updateClaiming).toHaveBeenCalledWith(
      user.sub,
      {
        attributes: { email: 'new@example.com', email_verified: 'true' },
        pendingAttributes: null,
        updatedAt: expect.any(Date),
      },
      tx,
    );
  });

  it('answers AliasExistsException when another user signs in with the email (ADR 0044)', async () => {
    const d = doubles(aUser());
    d.users.updateClaiming.mockResolvedValue('alias-exists');
    expect(await outcome(useCase(d).execute(request))).toBe('AliasExistsException');
    expect(d.attempts.succeeded).not.toHaveBeenCalled();
  });

  it('refuses when the email went away since the code was sent, changing nothing', async () => {
    const user = aUser();
    const d = doubles(user, aUser({ attributes: {} }));
    expect(await outcome(useCase(d).execute(request))).toBe('InvalidParameterException');
    expect(d.users.updateClaiming).not.toHaveBeenCalled();
  });

  it('answers a wrong code with CodeMismatchException without holding the user', async () => {
    const d = doubles(aUser());
    d.codes.check.mockResolvedValue('mismatch');
    expect(await outcome(useCase(d).execute(request))).toBe('CodeMismatchException');
    expect(d.lookup.lockUser).not.toHaveBeenCalled();
  });
});

describe('GetUserAttributeVerificationCode', () => {
  it('issues the code in a unit of work that delivery failing rolls back', async () => {
    const user = aUser();
    const d = doubles(user);
    const useCase = new GetUserAttributeVerificationCodeUseCase(
      inPlaceTransactions(),
      d.typed.tokens,
      d.typed.sender,
      d.typed.codes,
      d.typed.edits,
    );
    d.sender.send.mockRejectedValueOnce(new Error('SMTP down'));
    await expect(useCase.execute({ AccessToken: 'token', AttributeName: 'email' })).rejects.toBeDefined();
    expect(d.codes.issue).toHaveBeenCalledWith(user.sub, 'verify-email', tx);
    const answer = await useCase.execute({ AccessToken: 'token', AttributeName: 'email' });
    expect(answer.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  });
});

describe('DeleteUser', () => {
  it("deletes the token's user, held, with its event", async () => {
    const user = aUser();
    const d = doubles(user);
    await new DeleteUserUseCase(
      inPlaceTransactions(),
      d.typed.lookup,
      d.typed.deletion,
      d.typed.outbox,
      d.typed.tokens,
    ).execute({ AccessToken: 'token' }, meta);
    expect(d.lookup.lockUser).toHaveBeenCalledWith(user.sub, tx);
    expect(d.deletion.delete).toHaveBeenCalledWith(user, 'req-1', tx);
  });
});
