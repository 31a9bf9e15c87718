import { PasswordSignIn } from '../auth/flows/password-sign-in';
import { ClientForAuth } from '../clients/clients.service';
import { AuthorizeRequest, AuthorizeRequests } from './authorize-request';
import { HostedSignIn } from './hosted-sign-in';
import { OAuthSignInUseCase } from './oauth-sign-in.use-case';
import { takesPoolPasswords } from './pool-passwords';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { BlockedAddresses } from '../risk/threat-protection';

const POOL = 'us-east-1_AbCdEf123';
const request: AuthorizeRequest = { responseType: 'code', redirectUri: 'https://app/cb', scopes: ['openid'] };
const authWith = (supported?: string[]) =>
  ({
    client: { id: 'client-1', name: 'app', poolId: POOL, config: { supportedIdentityProviders: supported } },
    pool: { id: POOL, name: 'pool', config: {} },
  }) as unknown as ClientForAuth;

function useCaseFor(auth: ClientForAuth) {
  const requests = {
    check: jest.fn(async () => Promise.resolve({ ok: true as const, auth, request })),
  } as unknown as AuthorizeRequests;
  const verify = jest.fn(async () => Promise.resolve({ username: 'alice' }));
  const afterPassword = jest.fn(async () =>
    Promise.resolve({
      kind: 'signed-in',
      location: 'https://app/cb?code=c',
      sessionToken: 's',
      sessionMaxAgeSeconds: 1,
    }),
  );
  const useCase = new OAuthSignInUseCase(
    requests,
    { verify } as unknown as PasswordSignIn,
    { afterPassword } as unknown as HostedSignIn,
    { refuseBlocked: jest.fn(async () => undefined) } as unknown as BlockedAddresses,
    {
      record: jest.fn(),
      within: (_c: unknown, work: () => unknown) => work(),
    } as unknown as AuthEventRecorder,
  );
  return { useCase, verify, afterPassword };
}

const form = { UserPoolId: POOL, Params: {}, Username: 'alice', Password: 'Correct-horse1' };

describe('the pool passwords on the hosted pages', () => {
  it('are taken for a client that lists COGNITO, or lists no provider', () => {
    expect(takesPoolPasswords(authWith(['COGNITO', 'Google']))).toBe(true);
    expect(takesPoolPasswords(authWith(undefined))).toBe(true);
    expect(takesPoolPasswords(authWith([]))).toBe(true);
    expect(takesPoolPasswords(authWith(['Google']))).toBe(false);
  });

  it('are not checked at all for a client that federates only, whatever the form posts', async () => {
    const { useCase, verify, afterPassword } = useCaseFor(authWith(['Google']));
    const out = await useCase.execute(form);
    expect(out).toMatchObject({ kind: 'login-failed', clientName: 'app' });
    expect(verify).not.toHaveBeenCalled();
    expect(afterPassword).not.toHaveBeenCalled();
  });

  it('sign a user in for a client that lists COGNITO', async () => {
    const { useCase, verify } = useCaseFor(authWith(['COGNITO']));
    const out = await useCase.execute(form);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(out).toMatchObject({ kind: 'signed-in' });
  });
});
