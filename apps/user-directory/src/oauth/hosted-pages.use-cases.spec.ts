import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { ClientForAuth } from '../clients/clients.service';
import { ConfirmForgotPasswordUseCase } from '../users/confirm-forgot-password.use-case';
import { ConfirmSignUpUseCase } from '../users/confirm-sign-up.use-case';
import { ForgotPasswordUseCase } from '../users/forgot-password.use-case';
import { SignUpUseCase } from '../users/sign-up.use-case';
import { UsersRepository } from '../users/users.repository';
import { AuthorizeRequest, AuthorizeRequests } from './authorize-request';
import { HostedSignIn } from './hosted-sign-in';
import { OAuthConfirmForgotPasswordUseCase } from './oauth-confirm-forgot-password.use-case';
import { OAuthConfirmSignUpUseCase } from './oauth-confirm-sign-up.use-case';
import { OAuthForgotPasswordUseCase } from './oauth-forgot-password.use-case';
import { OAuthSignUpUseCase } from './oauth-sign-up.use-case';
import { OAuthMfaUseCase } from './oauth-mfa.use-case';
import { OAuthNewPasswordUseCase } from './oauth-new-password.use-case';
import { AuthFlows } from '../auth/flows/auth-flows';
import { NewPasswordChallenge } from '../auth/new-password-challenge';
import { VerifySoftwareTokenUseCase } from '../mfa/verify-software-token.use-case';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { BlockedAddresses, SECURITY_REFUSAL } from '../risk/threat-protection';
import { CognitoErrors } from '../common/cognito-errors';

const POOL = 'us-east-1_AbCdEf123';
const auth = {
  client: { id: 'client-1', name: 'app', poolId: POOL, config: {} },
  pool: {
    id: POOL,
    name: 'pool',
    config: {
      schema: [{ Name: 'email', Required: false }],
      autoVerifiedAttributes: ['email'],
      passwordPolicy: {
        MinimumLength: 8,
        RequireUppercase: false,
        RequireLowercase: false,
        RequireNumbers: false,
        RequireSymbols: false,
      },
    },
  },
} as unknown as ClientForAuth;
const request: AuthorizeRequest = { responseType: 'code', redirectUri: 'https://app/cb', scopes: ['openid'] };
const requests = {
  check: jest.fn(async () => Promise.resolve({ ok: true as const, auth, request })),
} as unknown as AuthorizeRequests;
const meta = { requestId: 'r', caller: { kind: 'anonymous' } } as CommandMeta;
const seal = new AuthSessionSeal(Buffer.alloc(32, 7));
const base = { UserPoolId: POOL, Params: {} };

/** The hosted pages' use cases: the API's use cases decide, the pages never tell who exists. */
describe('hosted page use cases', () => {
  it('answers a taken name at sign-up with the page a new name gets, and a session that signs nobody in', async () => {
    const signUp = {
      execute: jest
        .fn()
        .mockResolvedValueOnce({ UserSub: 'new-sub', UserConfirmed: false })
        .mockRejectedValueOnce(new ServiceError('UsernameExistsException', 'User already exists')),
    } as unknown as SignUpUseCase;
    const useCase = new OAuthSignUpUseCase(requests, signUp, seal);
    const form = { ...base, Password: 'Long-enough1', Attributes: { email: 'someone@example.com' } };
    const fresh = await useCase.execute({ ...form, Username: 'alice' }, meta);
    const taken = await useCase.execute({ ...form, Username: 'alice' }, meta);
    expect(fresh).toMatchObject({ kind: 'confirm', username: 'alice', destination: 's***@e***' });
    const { session: s1, ...freshRest } = fresh as { session: string };
    const { session: s2, ...takenRest } = taken as { session: string };
    expect(takenRest).toEqual(freshRest);
    expect(seal.open<{ sub: string }>('hosted-sign-up-session', 'client-1', s1)).toMatchObject({
      ok: true,
      value: { sub: 'new-sub' },
    });
    const other = seal.open<{ sub: string }>('hosted-sign-up-session', 'client-1', s2);
    expect(other.ok && other.value.sub).not.toBe('new-sub');
  });

  it("says to follow the link in a link pool's email, the same for a taken name (ADR 0071)", async () => {
    const linkAuth = {
      ...auth,
      pool: {
        ...auth.pool,
        config: {
          ...auth.pool.config,
          verificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' },
        },
      },
    } as unknown as ClientForAuth;
    const linkRequests = {
      check: jest.fn(async () => Promise.resolve({ ok: true as const, auth: linkAuth, request })),
    } as unknown as AuthorizeRequests;
    const signUp = {
      execute: jest
        .fn()
        .mockResolvedValueOnce({ UserSub: 'new-sub', UserConfirmed: false })
        .mockRejectedValueOnce(new ServiceError('UsernameExistsException', 'User already exists')),
    } as unknown as SignUpUseCase;
    const useCase = new OAuthSignUpUseCase(linkRequests, signUp, seal);
    const form = { ...base, Password: 'Long-enough1', Attributes: { email: 'someone@example.com' } };
    const fresh = await useCase.execute({ ...form, Username: 'alice' }, meta);
    const taken = await useCase.execute({ ...form, Username: 'alice' }, meta);
    expect(fresh).toMatchObject({ kind: 'confirm', byLink: true, destination: 's***@e***' });
    const { session: _s1, ...freshRest } = fresh as { session: string };
    const { session: _s2, ...takenRest } = taken as { session: string };
    expect(takenRest).toEqual(freshRest);
    // Without an email (no address to send a link to), the code page as before.
    const noEmail = await new OAuthSignUpUseCase(
      linkRequests,
      {
        execute: jest.fn().mockResolvedValue({ UserSub: 's', UserConfirmed: false }),
      } as unknown as SignUpUseCase,
      seal,
    ).execute({ ...form, Username: 'carol', Attributes: {} }, meta);
    expect(noEmail).not.toHaveProperty('byLink');
  });

  it('shows a sign-up refusal that does not depend on other users (the password policy)', async () => {
    const signUp = {
      execute: jest
        .fn()
        .mockRejectedValue(new ServiceError('InvalidPasswordException', 'Password did not conform')),
    } as unknown as SignUpUseCase;
    const out = await new OAuthSignUpUseCase(requests, signUp, seal).execute(
      { ...base, Username: 'bob', Password: 'x', Attributes: {} },
      meta,
    );
    expect(out).toMatchObject({ kind: 'signup', message: 'Password did not conform' });
  });

  it('answers the forgotten-password page alike whatever ForgotPassword said', async () => {
    const forgot = {
      request: jest
        .fn()
        .mockResolvedValueOnce({ CodeDeliveryDetails: {} })
        .mockRejectedValueOnce(new ServiceError('UserNotFoundException', 'User does not exist.'))
        .mockRejectedValueOnce(new ServiceError('InvalidParameterException', 'no verified email')),
    } as unknown as ForgotPasswordUseCase;
    const useCase = new OAuthForgotPasswordUseCase(requests, forgot);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await useCase.execute({ ...base, Username: 'carol' }));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ kind: 'reset', username: 'carol' });
  });

  it('checks the new password before the reset code, for any name, and hides every code refusal alike', async () => {
    const execute = jest
      .fn()
      .mockRejectedValueOnce(new ServiceError('UserNotFoundException', 'User does not exist.'))
      .mockRejectedValueOnce(new ServiceError('CodeMismatchException', 'Invalid code'));
    const confirm = { execute } as unknown as ConfirmForgotPasswordUseCase;
    const useCase = new OAuthConfirmForgotPasswordUseCase(requests, confirm);
    const weak = await useCase.execute({ ...base, Username: 'dan', Code: '123456', NewPassword: 'short' });
    expect(weak).toMatchObject({ kind: 'reset', message: expect.stringContaining('Password') });
    expect(execute).not.toHaveBeenCalled();
    const form = { ...base, Username: 'dan', Code: '123456', NewPassword: 'Long-enough1' };
    expect(await useCase.execute(form)).toEqual(await useCase.execute(form));
  });

  it('continues the authorization request only for the user the sign-up session names', async () => {
    const confirm = { execute: jest.fn(async () => Promise.resolve({})) } as unknown as ConfirmSignUpUseCase;
    const user = { sub: 'sub-1', poolId: POOL, status: 'CONFIRMED', username: 'erin' };
    const users = { findBySub: jest.fn(async (sub: string) => (sub === 'sub-1' ? user : undefined)) };
    const hosted = {
      signedIn: jest.fn(async () => ({ kind: 'signed-in', location: 'https://app/cb?code=x' })),
    };
    const useCase = new OAuthConfirmSignUpUseCase(
      requests,
      confirm,
      seal,
      users as unknown as UsersRepository,
      hosted as unknown as HostedSignIn,
    );
    const form = { ...base, Username: 'erin', Code: '123456' };
    const own = seal.seal('hosted-sign-up-session', 'client-1', { sub: 'sub-1' }, 60);
    expect(await useCase.execute({ ...form, Session: own }, meta)).toMatchObject({ kind: 'signed-in' });
    // Another client's session, another user's, or none: confirmed, then the sign-in page.
    for (const session of [
      seal.seal('hosted-sign-up-session', 'client-2', { sub: 'sub-1' }, 60),
      seal.seal('hosted-sign-up-session', 'client-1', { sub: 'sub-2' }, 60),
      '',
    ]) {
      expect(await useCase.execute({ ...form, Session: session }, meta)).toMatchObject({
        kind: 'login-notice',
      });
    }
    expect(hosted.signedIn).toHaveBeenCalledTimes(1);
  });

  describe('threat protection (ADR 0091)', () => {
    const blockedMeta = { ...meta, sourceIp: '192.0.2.7' } as CommandMeta;
    const refusal = () => CognitoErrors.notAuthorized(SECURITY_REFUSAL);

    it('shows the code pages the block list refusal, the same for every name, passing the page caller on', async () => {
      const confirmSignUp = { execute: jest.fn().mockRejectedValue(refusal()) };
      const signUpPage = new OAuthConfirmSignUpUseCase(
        requests,
        confirmSignUp as unknown as ConfirmSignUpUseCase,
        seal,
        {} as UsersRepository,
        {} as HostedSignIn,
      );
      for (const name of ['erin', 'nobody'])
        expect(
          await signUpPage.execute({ ...base, Username: name, Code: '123456' }, blockedMeta),
        ).toMatchObject({
          kind: 'confirm',
          message: SECURITY_REFUSAL,
        });
      expect(confirmSignUp.execute).toHaveBeenLastCalledWith(expect.anything(), blockedMeta);
      const confirmReset = { execute: jest.fn().mockRejectedValue(refusal()) };
      const resetPage = new OAuthConfirmForgotPasswordUseCase(
        requests,
        confirmReset as unknown as ConfirmForgotPasswordUseCase,
      );
      const form = { ...base, Username: 'dan', Code: '123456', NewPassword: 'Long-enough1' };
      expect(await resetPage.execute(form, blockedMeta)).toMatchObject({
        kind: 'reset',
        message: SECURITY_REFUSAL,
      });
      expect(confirmReset.execute).toHaveBeenLastCalledWith(expect.anything(), blockedMeta);
    });

    it('refuses the MFA and new-password forms before their session is opened or spent', async () => {
      const blocked = { refuseBlocked: jest.fn().mockRejectedValue(refusal()) };
      const flows = { respond: jest.fn() };
      const verify = { execute: jest.fn() };
      const mfa = new OAuthMfaUseCase(
        requests,
        flows as unknown as AuthFlows,
        verify as unknown as VerifySoftwareTokenUseCase,
        {} as HostedSignIn,
        { within: jest.fn() } as unknown as AuthEventRecorder,
        blocked as unknown as BlockedAddresses,
      );
      for (const challenge of ['SOFTWARE_TOKEN_MFA', 'MFA_SETUP'])
        expect(
          await mfa.execute(
            { ...base, Username: 'erin', Session: 's', ChallengeName: challenge, Code: '123456' },
            blockedMeta,
          ),
        ).toMatchObject({ kind: 'login-failed', message: SECURITY_REFUSAL });
      expect(blocked.refuseBlocked).toHaveBeenCalledWith(auth.pool, 'client-1', '192.0.2.7');
      expect(flows.respond).not.toHaveBeenCalled();
      expect(verify.execute).not.toHaveBeenCalled();
      const challenge = { claim: jest.fn(), setNewPassword: jest.fn() };
      const newPassword = new OAuthNewPasswordUseCase(
        requests,
        challenge as unknown as NewPasswordChallenge,
        {} as HostedSignIn,
        blocked as unknown as BlockedAddresses,
      );
      expect(
        await newPassword.execute(
          { ...base, Username: 'erin', Session: 's', NewPassword: 'Long-enough1' },
          blockedMeta,
        ),
      ).toMatchObject({ kind: 'new-password', session: 's', message: SECURITY_REFUSAL });
      expect(challenge.claim).not.toHaveBeenCalled();
      expect(challenge.setNewPassword).not.toHaveBeenCalled();
    });
  });
});
