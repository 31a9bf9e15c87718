import { OAuthSignInOutcome } from '@idfed/contracts';
import { PasswordSignIn } from '../auth/flows/password-sign-in';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { AuthEventRecorder, EventContext } from '../risk/auth-event-recorder';
import { BlockedAddresses, SECURITY_REFUSAL } from '../risk/threat-protection';
import { AuthorizeRequest, AuthorizeRequests } from './authorize-request';
import { HostedSignIn } from './hosted-sign-in';
import { OAuthSignInUseCase } from './oauth-sign-in.use-case';

const POOL = 'us-east-1_AbCdEf123';
const request: AuthorizeRequest = { responseType: 'code', redirectUri: 'https://app/cb', scopes: ['openid'] };
const auth = {
  client: { id: 'client-1', name: 'app', poolId: POOL, config: {} },
  pool: { id: POOL, name: 'pool', config: { userPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } } },
} as unknown as ClientForAuth;
const alice = { sub: 'sub-alice', username: 'alice' };
const meta = {
  requestId: 'r',
  caller: { kind: 'anonymous' as const },
  sourceIp: '192.0.2.5',
  userAgent: 'ua',
};
const form = { UserPoolId: POOL, Params: {}, Username: 'alice', Password: 'Correct-horse1' };

function page(after: OAuthSignInOutcome) {
  const order: string[] = [];
  const requests = {
    check: jest.fn(async () => Promise.resolve({ ok: true as const, auth, request })),
  } as unknown as AuthorizeRequests;
  const verify = jest.fn(async () => {
    order.push('verify');
    return Promise.resolve(alice);
  });
  const afterPassword = jest.fn(async () => Promise.resolve(after));
  const refuseBlocked = jest.fn(async () => {
    order.push('refuseBlocked');
    return Promise.resolve();
  });
  const contexts: (EventContext | undefined)[] = [];
  let current: EventContext | undefined;
  const events = {
    record: jest.fn(() => contexts.push(current)),
    within: async (context: EventContext, work: () => Promise<unknown>) => {
      current = context;
      try {
        return await work();
      } finally {
        current = undefined;
      }
    },
  };
  const useCase = new OAuthSignInUseCase(
    requests,
    { verify } as unknown as PasswordSignIn,
    { afterPassword } as unknown as HostedSignIn,
    { refuseBlocked } as unknown as BlockedAddresses,
    events as unknown as AuthEventRecorder,
  );
  return { useCase, verify, refuseBlocked, events, contexts, order };
}

const signedIn: OAuthSignInOutcome = {
  kind: 'signed-in',
  location: 'https://app/cb?code=c',
  sessionToken: 's',
  sessionMaxAgeSeconds: 1,
};

describe('the hosted sign-in page and threat protection (ADR 0083)', () => {
  it("consults the block list with the page caller's address before the password is checked", async () => {
    const p = page(signedIn);
    await p.useCase.execute(form, meta);
    expect(p.refuseBlocked).toHaveBeenCalledWith(auth.pool, 'client-1', '192.0.2.5');
    expect(p.order).toEqual(['refuseBlocked', 'verify']);
    // A user's wrong password is recorded by the password check itself.
    expect(p.verify).toHaveBeenCalledWith(
      auth,
      { username: 'alice', password: 'Correct-horse1' },
      { hideExistence: true, recordFailure: true },
    );
  });

  it('shows a blocked address the refusal, checking no password and recording nothing', async () => {
    const p = page(signedIn);
    p.refuseBlocked.mockRejectedValueOnce(CognitoErrors.notAuthorized(SECURITY_REFUSAL));
    expect(await p.useCase.execute(form, meta)).toEqual({
      kind: 'login-failed',
      message: SECURITY_REFUSAL,
      clientName: 'app',
    });
    expect(p.verify).not.toHaveBeenCalled();
    expect(p.events.record).not.toHaveBeenCalled();
  });

  const mfaPage = { kind: 'mfa', clientName: 'app' } as unknown as OAuthSignInOutcome;
  const newPasswordPage: OAuthSignInOutcome = {
    kind: 'new-password',
    session: 's',
    username: 'alice',
    clientName: 'app',
  };
  it.each([
    ['signed-in', signedIn, 'Pass'],
    ['an MFA page', mfaPage, 'InProgress'],
    ['a new-password page', newPasswordPage, 'InProgress'],
  ])("records a SignIn event for %s, with the caller's address", async (_what, after, response) => {
    const p = page(after);
    await p.useCase.execute(form, meta);
    expect(p.events.record).toHaveBeenCalledWith(auth.pool, alice, 'SignIn', response, [
      { ChallengeName: 'Password', ChallengeResponse: 'Success' },
    ]);
    expect(p.contexts).toEqual([{ sourceIp: '192.0.2.5', userAgent: 'ua' }]);
  });

  it('records nothing when the page refuses after the password (a disabled user)', async () => {
    const p = page({ kind: 'login-failed', message: 'User is disabled.', clientName: 'app' });
    await p.useCase.execute(form, meta);
    expect(p.events.record).not.toHaveBeenCalled();
  });
});
