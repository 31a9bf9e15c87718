import { InitiateAuthResponse } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { ClientConfig } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { AppClientEntity } from '../../database/entities';
import { CognitoErrors } from '../../common/cognito-errors';
import { secretHash } from '../secret-hash';
import { AuthFlowStrategy, ChallengeHandler, ExplicitFlow, SignInClaim, SignInOperation } from './auth-flow';
import { AuthFlows } from './auth-flows';

/**
 * A strategy that records what reached it. Its claim names USERNAME (and a stored name, when the
 * parameters carry STORED) for SECRET_HASH, or refuses with MISSING when REFUSE is set.
 */
function strategy(
  flows: string[],
  operations: SignInOperation[],
  allowedBy?: ExplicitFlow,
): AuthFlowStrategy<string> & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    flows,
    operations,
    allowedBy,
    calls,
    claim: async (_auth, params) => claimOf(params),
    async start(auth, params, found): Promise<InitiateAuthResponse> {
      calls.push([auth.client.id, params, found]);
      return { ChallengeParameters: { started: flows[0] } };
    },
  };
}

async function claimOf(params: Record<string, string>): Promise<SignInClaim<string>> {
  await Promise.resolve();
  if (params.REFUSE) throw CognitoErrors.invalidParameter('Missing required parameter MISSING');
  const names = [params.USERNAME, params.STORED].filter(Boolean);
  return { secretHashNames: names, found: `found:${names.join(',')}` };
}

function challenge(name: string, allowedBy?: ExplicitFlow): ChallengeHandler<string> & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    challenge: name,
    allowedBy,
    calls,
    claim: async (_auth, session, responses) => ({
      ...(await claimOf(responses)),
      found: `session:${session}`,
    }),
    async answer(auth, responses, found) {
      calls.push([auth.client.id, found, responses]);
      return { ChallengeParameters: { answered: name } };
    },
  };
}

function client(explicitAuthFlows: string[], secret?: string): ClientForAuth {
  return {
    client: { id: 'app', config: { explicitAuthFlows } as unknown as ClientConfig } as AppClientEntity,
    secret,
  } as ClientForAuth;
}

async function refusal(p: Promise<unknown>): Promise<{ name: string; message: string } | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return (err as ServiceError).getError() as { name: string; message: string };
  }
}

describe('AuthFlows', () => {
  const password = strategy(['USER_PASSWORD_AUTH'], ['InitiateAuth'], 'USER_PASSWORD_AUTH');
  const adminPassword = strategy(
    ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'],
    ['AdminInitiateAuth'],
    'ADMIN_USER_PASSWORD_AUTH',
  );
  const refresh = strategy(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'], ['InitiateAuth', 'AdminInitiateAuth']);
  const verifier = challenge('PASSWORD_VERIFIER', 'USER_SRP_AUTH');
  const newPassword = challenge('NEW_PASSWORD_REQUIRED');
  const flows = new AuthFlows([password, adminPassword, refresh], [verifier, newPassword]);

  beforeEach(() => {
    for (const s of [password, adminPassword, refresh, verifier, newPassword]) s.calls.length = 0;
  });

  it('delegates a flow the operation serves and the client allows, under either of its names', async () => {
    const auth = client(['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']);
    await expect(flows.start('InitiateAuth', 'USER_PASSWORD_AUTH', auth, { USERNAME: 'a' })).resolves.toEqual(
      {
        ChallengeParameters: { started: 'USER_PASSWORD_AUTH' },
      },
    );
    // The legacy ExplicitAuthFlows spelling allows the flow under its legacy name too.
    await flows.start('AdminInitiateAuth', 'ADMIN_NO_SRP_AUTH', auth, {});
    expect([password.calls, adminPassword.calls]).toEqual([
      [['app', { USERNAME: 'a' }, 'found:a']],
      [['app', {}, 'found:']],
    ]);
  });

  it('refuses a flow the client does not allow, naming it as the request did, before the strategy runs', async () => {
    const auth = client(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(await refusal(flows.start('InitiateAuth', 'USER_PASSWORD_AUTH', auth, {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
    expect(await refusal(flows.start('AdminInitiateAuth', 'ADMIN_NO_SRP_AUTH', auth, {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'ADMIN_NO_SRP_AUTH flow not enabled for this client',
    });
    expect([password.calls, adminPassword.calls]).toEqual([[], []]);
  });

  it('lets every client use a flow that needs no permission', async () => {
    expect(await refusal(flows.start('AdminInitiateAuth', 'REFRESH_TOKEN', client([]), {}))).toBe('ok');
    expect(refresh.calls).toHaveLength(1);
  });

  it('refuses an admin-only flow from InitiateAuth and a public-only one from AdminInitiateAuth', async () => {
    const auth = client(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH']);
    expect(await refusal(flows.start('InitiateAuth', 'ADMIN_USER_PASSWORD_AUTH', auth, {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'ADMIN_USER_PASSWORD_AUTH is only supported by AdminInitiateAuth.',
    });
    expect(await refusal(flows.start('AdminInitiateAuth', 'USER_PASSWORD_AUTH', auth, {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH is not supported by AdminInitiateAuth in this idfed version.',
    });
    expect([password.calls, adminPassword.calls]).toEqual([[], []]);
  });

  it('refuses a flow without a strategy', async () => {
    expect(await refusal(flows.start('InitiateAuth', 'CUSTOM_AUTH', client([]), {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'CUSTOM_AUTH is not supported by this idfed version.',
    });
    expect(await refusal(flows.start('AdminInitiateAuth', 'CUSTOM_AUTH', client([]), {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'CUSTOM_AUTH is not supported by AdminInitiateAuth in this idfed version.',
    });
  });

  it('checks a challenge’s flow permission once, then hands over the session and responses', async () => {
    expect(
      await refusal(flows.respond('PASSWORD_VERIFIER', client(['ALLOW_USER_PASSWORD_AUTH']), 's', {})),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_SRP_AUTH flow not enabled for this client',
    });
    expect(verifier.calls).toEqual([]);
    await flows.respond('PASSWORD_VERIFIER', client(['ALLOW_USER_SRP_AUTH']), undefined, { USERNAME: 'a' });
    await flows.respond('NEW_PASSWORD_REQUIRED', client([]), 'session', {});
    expect([verifier.calls, newPassword.calls]).toEqual([
      [['app', 'session:undefined', { USERNAME: 'a' }]],
      [['app', 'session:session', {}]],
    ]);
  });

  it('refuses a challenge without a handler', async () => {
    expect(await refusal(flows.respond('SMS_MFA', client([]), 's', {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'SMS_MFA is not supported by this idfed version.',
    });
  });

  describe('SECRET_HASH, checked once by the dispatcher for a client with a secret', () => {
    const SECRET = 'client-secret-value';
    const hashOf = (name: string) => secretHash(SECRET, name, 'app');
    const withSecret = client(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'], SECRET);
    const NOT_RECEIVED = {
      name: 'NotAuthorizedException',
      message: 'Client app is configured with secret but SECRET_HASH was not received',
    };
    const WRONG = { name: 'NotAuthorizedException', message: 'Unable to verify secret hash for client app' };

    it('refuses a sign-in without SECRET_HASH or with a wrong one before the strategy runs', async () => {
      expect(
        await refusal(flows.start('InitiateAuth', 'USER_PASSWORD_AUTH', withSecret, { USERNAME: 'a' })),
      ).toEqual(NOT_RECEIVED);
      const wrong = { USERNAME: 'a', SECRET_HASH: hashOf('b') };
      expect(await refusal(flows.start('InitiateAuth', 'USER_PASSWORD_AUTH', withSecret, wrong))).toEqual(
        WRONG,
      );
      expect(await refusal(flows.respond('PASSWORD_VERIFIER', withSecret, undefined, wrong))).toEqual(WRONG);
      expect(
        await refusal(flows.respond('NEW_PASSWORD_REQUIRED', withSecret, 's', { USERNAME: 'a' })),
      ).toEqual(NOT_RECEIVED);
      expect([password.calls, verifier.calls, newPassword.calls]).toEqual([[], [], []]);
    });

    it('accepts a hash over any name the strategy found, for every operation', async () => {
      const typed = { USERNAME: 'a', SECRET_HASH: hashOf('a') };
      const stored = { USERNAME: 'a', STORED: 'stored-name', SECRET_HASH: hashOf('stored-name') };
      expect(await refusal(flows.start('InitiateAuth', 'USER_PASSWORD_AUTH', withSecret, typed))).toBe('ok');
      expect(await refusal(flows.start('AdminInitiateAuth', 'REFRESH_TOKEN', withSecret, stored))).toBe('ok');
      expect(await refusal(flows.respond('PASSWORD_VERIFIER', withSecret, undefined, stored))).toBe('ok');
      expect(await refusal(flows.respond('NEW_PASSWORD_REQUIRED', withSecret, 's', typed))).toBe('ok');
      expect([password.calls, refresh.calls, verifier.calls, newPassword.calls].map((c) => c.length)).toEqual(
        [1, 1, 1, 1],
      );
    });

    it('answers the strategy’s own refusal of its parameters first, as Cognito does', async () => {
      const refused = { name: 'InvalidParameterException', message: 'Missing required parameter MISSING' };
      expect(
        await refusal(flows.start('InitiateAuth', 'USER_PASSWORD_AUTH', withSecret, { REFUSE: '1' })),
      ).toEqual(refused);
      expect(
        await refusal(flows.respond('PASSWORD_VERIFIER', withSecret, undefined, { REFUSE: '1' })),
      ).toEqual(refused);
    });

    it('asks nothing of a client without a secret', async () => {
      const noSecret = client(['ALLOW_USER_PASSWORD_AUTH']);
      expect(
        await refusal(flows.start('InitiateAuth', 'USER_PASSWORD_AUTH', noSecret, { USERNAME: 'a' })),
      ).toBe('ok');
    });
  });

  it('refuses two strategies for one flow name at start-up', () => {
    expect(() => new AuthFlows([refresh, strategy(['REFRESH_TOKEN'], ['InitiateAuth'])], [])).toThrow(
      /auth flow REFRESH_TOKEN has two handlers/,
    );
    expect(() => new AuthFlows([], [newPassword, challenge('NEW_PASSWORD_REQUIRED')])).toThrow(
      /challenge NEW_PASSWORD_REQUIRED has two handlers/,
    );
  });
});
