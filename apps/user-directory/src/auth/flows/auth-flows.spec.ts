import { InitiateAuthResponse } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { ClientConfig } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { AppClientEntity } from '../../database/entities';
import { AuthFlowStrategy, ChallengeHandler, ExplicitFlow, SignInOperation } from './auth-flow';
import { AuthFlows } from './auth-flows';

/** A strategy that records what reached it. */
function strategy(
  flows: string[],
  operations: SignInOperation[],
  allowedBy?: ExplicitFlow,
): AuthFlowStrategy & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    flows,
    operations,
    allowedBy,
    calls,
    async start(auth, params): Promise<InitiateAuthResponse> {
      calls.push([auth.client.id, params]);
      return { ChallengeParameters: { started: flows[0] } };
    },
  };
}

function challenge(name: string, allowedBy?: ExplicitFlow): ChallengeHandler & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    challenge: name,
    allowedBy,
    calls,
    async answer(auth, session, responses) {
      calls.push([auth.client.id, session, responses]);
      return { ChallengeParameters: { answered: name } };
    },
  };
}

function client(explicitAuthFlows: string[]): ClientForAuth {
  return {
    client: { id: 'app', config: { explicitAuthFlows } as unknown as ClientConfig } as AppClientEntity,
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
    const auth = client(['ALLOW_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']);
    await expect(flows.start('InitiateAuth', 'USER_PASSWORD_AUTH', auth, { USERNAME: 'a' })).resolves.toEqual(
      {
        ChallengeParameters: { started: 'USER_PASSWORD_AUTH' },
      },
    );
    // The legacy ExplicitAuthFlows spelling allows the flow under its legacy name too.
    await flows.start('AdminInitiateAuth', 'ADMIN_NO_SRP_AUTH', auth, {});
    expect([password.calls, adminPassword.calls]).toEqual([[['app', { USERNAME: 'a' }]], [['app', {}]]]);
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
    await flows.respond('PASSWORD_VERIFIER', client(['USER_SRP_AUTH']), undefined, { USERNAME: 'a' });
    await flows.respond('NEW_PASSWORD_REQUIRED', client([]), 'session', {});
    expect([verifier.calls, newPassword.calls]).toEqual([
      [['app', undefined, { USERNAME: 'a' }]],
      [['app', 'session', {}]],
    ]);
  });

  it('refuses a challenge without a handler', async () => {
    expect(await refusal(flows.respond('SMS_MFA', client([]), 's', {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'SMS_MFA is not supported by this idfed version.',
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
