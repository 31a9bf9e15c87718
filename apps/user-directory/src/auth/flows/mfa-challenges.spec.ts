import { AuthEventRecorder } from '../../risk/auth-event-recorder';
import { randomBytes } from 'node:crypto';
import { AuthenticationResultType } from '@idfed/contracts';
import { ClientConfig } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { AppClientEntity, UserMfaEntity, UserPoolEntity } from '../../database/entities';
import { MfaCodesRepository } from '../../mfa/mfa-codes.repository';
import { MfaSessions } from '../../mfa/mfa-sessions';
import { MfaSignIn } from '../../mfa/mfa-sign-in';
import { OneTimeCodes } from '../../mfa/one-time-codes';
import { applyMfaConfig } from '../../mfa/pool-mfa';
import { SoftwareTokens } from '../../mfa/software-tokens';
import { UserMfaRepository } from '../../mfa/user-mfa.repository';
import { UserPoolsRepository } from '../../pools/user-pools.repository';
import { aPool, aUser, outcome } from '../../../test/support/users-doubles';
import { UsersRepository } from '../../users/users.repository';
import { AuthSessionSeal } from '../auth-session-seal';
import { AuthSessionUsesRepository } from '../auth-session-uses.repository';
import { SignInCompletion } from '../sign-in-completion';
import { MfaSetupChallenge } from './mfa-setup.challenge';
import { SoftwareTokenMfaChallenge } from './software-token-mfa.challenge';

const ann = aUser();
const bob = aUser({ sub: '6f1c2b3a-0000-4000-8000-000000000002', username: 'bob', usernameKey: 'bob' });

function clientOf(id: string, pool: UserPoolEntity): ClientForAuth {
  return { client: { id, config: { authSessionValidity: 3 } as ClientConfig } as AppClientEntity, pool };
}

function setUp(mode: 'OFF' | 'ON' | 'OPTIONAL', annMfa?: Partial<UserMfaEntity>) {
  const pool = aPool();
  pool.config =
    mode === 'OFF'
      ? pool.config
      : applyMfaConfig(pool.config, {
          UserPoolId: pool.id,
          MfaConfiguration: mode,
          SoftwareTokenMfaConfiguration: { Enabled: true },
        });
  const used = new Set<string>();
  const uses = {
    useOnce: jest.fn(async (id: string) => !used.has(id) && !!used.add(id)),
    forgetExpired: jest.fn(async () => undefined),
  };
  let now = 1_765_000_000_000;
  const seal = new AuthSessionSeal(randomBytes(32), () => now);
  const codeRows = { forgetExpired: jest.fn(async () => undefined) };
  const sessions = new MfaSessions(
    seal,
    uses as unknown as AuthSessionUsesRepository,
    codeRows as unknown as MfaCodesRepository,
  );
  const mfaRows = {
    find: jest.fn(async (sub: string) =>
      sub === ann.sub && annMfa
        ? ({ totpEnabled: false, totpSecretEnc: null, ...annMfa } as UserMfaEntity)
        : undefined,
    ),
  };
  const pools = { find: jest.fn(async () => pool) };
  const signIn = new MfaSignIn(
    pools as unknown as UserPoolsRepository,
    mfaRows as unknown as UserMfaRepository,
    sessions,
    {} as OneTimeCodes, // software tokens only: no code is sent
  );
  const users = {
    findByName: jest.fn(async (_p: string, _c: unknown, name: string) =>
      [ann, bob].find((u) => u.username === name),
    ),
  };
  const tokens = { checkSignInCode: jest.fn(async () => undefined) };
  const result: AuthenticationResultType = {
    AccessToken: 'a',
    IdToken: 'i',
    ExpiresIn: 3600,
    TokenType: 'Bearer',
  };
  const completion = { signedIn: jest.fn(async () => result) };
  const totpChallenge = new SoftwareTokenMfaChallenge(
    sessions,
    users as unknown as UsersRepository,
    tokens as unknown as SoftwareTokens,
    completion as unknown as SignInCompletion,
    { record: jest.fn(), recordMfa: jest.fn() } as unknown as AuthEventRecorder,
  );
  const setupChallenge = new MfaSetupChallenge(
    sessions,
    users as unknown as UsersRepository,
    mfaRows as unknown as UserMfaRepository,
    completion as unknown as SignInCompletion,
  );
  return {
    pool,
    sessions,
    signIn,
    tokens,
    completion,
    totpChallenge,
    setupChallenge,
    advance: (ms: number) => (now += ms),
  };
}

/** Claims then answers, as AuthFlows does. */
async function respond(
  handler: SoftwareTokenMfaChallenge | MfaSetupChallenge,
  auth: ClientForAuth,
  session: string | undefined,
  responses: Record<string, string>,
) {
  const { found } = await handler.claim(auth, session, responses);
  return handler.answer(auth, responses, found as never);
}

const sealedSecret = Buffer.from('sealed');

describe('MFA after the password (MfaSignIn)', () => {
  it('asks nothing when the pool has MFA off, whatever the user set up', async () => {
    const t = setUp('OFF', { totpEnabled: true, totpSecretEnc: sealedSecret });
    await expect(t.signIn.challengeFor(clientOf('app', t.pool), ann)).resolves.toBeUndefined();
  });

  it('asks an enrolled user for SOFTWARE_TOKEN_MFA in an OPTIONAL or ON pool', async () => {
    for (const mode of ['OPTIONAL', 'ON'] as const) {
      const t = setUp(mode, { totpEnabled: true, totpSecretEnc: sealedSecret });
      const answer = await t.signIn.challengeFor(clientOf('app', t.pool), ann);
      expect(answer).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {} });
      expect(answer?.Session).toEqual(expect.any(String));
      expect(answer).not.toHaveProperty('AuthenticationResult');
    }
  });

  it('lets a user without MFA through an OPTIONAL pool, and sends them to MFA_SETUP in an ON pool', async () => {
    const optional = setUp('OPTIONAL');
    await expect(optional.signIn.challengeFor(clientOf('app', optional.pool), ann)).resolves.toBeUndefined();
    const on = setUp('ON', { totpEnabled: false, totpSecretEnc: sealedSecret });
    await expect(on.signIn.challengeFor(clientOf('app', on.pool), ann)).resolves.toMatchObject({
      ChallengeName: 'MFA_SETUP',
      ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
    });
  });
});

describe('SOFTWARE_TOKEN_MFA', () => {
  async function challenged(t: ReturnType<typeof setUp>, clientId = 'app') {
    const answer = await t.signIn.challengeFor(clientOf(clientId, t.pool), ann);
    return answer!.Session!;
  }

  it('gives the tokens after the right code, once', async () => {
    const t = setUp('ON', { totpEnabled: true, totpSecretEnc: sealedSecret });
    const auth = clientOf('app', t.pool);
    const session = await challenged(t);
    const answer = await respond(t.totpChallenge, auth, session, {
      USERNAME: 'ann',
      SOFTWARE_TOKEN_MFA_CODE: '123456',
    });
    expect(answer.AuthenticationResult?.AccessToken).toBe('a');
    expect(t.tokens.checkSignInCode).toHaveBeenCalledWith(ann, '123456');
    // The same Session again: used up.
    await expect(
      outcome(
        respond(t.totpChallenge, auth, session, { USERNAME: 'ann', SOFTWARE_TOKEN_MFA_CODE: '654321' }),
      ),
    ).resolves.toBe('NotAuthorizedException');
    expect(t.tokens.checkSignInCode).toHaveBeenCalledTimes(1);
  });

  it('uses the Session up on a wrong code too, as Cognito does', async () => {
    const t = setUp('ON', { totpEnabled: true, totpSecretEnc: sealedSecret });
    const auth = clientOf('app', t.pool);
    const session = await challenged(t);
    t.tokens.checkSignInCode.mockRejectedValueOnce(CognitoErrors.mfaCodeMismatch());
    await expect(
      outcome(
        respond(t.totpChallenge, auth, session, { USERNAME: 'ann', SOFTWARE_TOKEN_MFA_CODE: '000000' }),
      ),
    ).resolves.toBe('CodeMismatchException');
    await expect(
      respond(t.totpChallenge, auth, session, { USERNAME: 'ann', SOFTWARE_TOKEN_MFA_CODE: '123456' }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user, session can only be used once.' });
  });

  it('refuses the Session for another user or another app client, before any code is checked', async () => {
    const t = setUp('ON', { totpEnabled: true, totpSecretEnc: sealedSecret });
    const session = await challenged(t);
    await expect(
      respond(t.totpChallenge, clientOf('app', t.pool), session, {
        USERNAME: 'bob',
        SOFTWARE_TOKEN_MFA_CODE: '123456',
      }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user.' });
    await expect(
      outcome(
        respond(t.totpChallenge, clientOf('other-app', t.pool), session, {
          USERNAME: 'ann',
          SOFTWARE_TOKEN_MFA_CODE: '123456',
        }),
      ),
    ).resolves.toBe('NotAuthorizedException');
    expect(t.tokens.checkSignInCode).not.toHaveBeenCalled();
  });

  it("refuses an expired Session in Cognito's words", async () => {
    const t = setUp('ON', { totpEnabled: true, totpSecretEnc: sealedSecret });
    const session = await challenged(t);
    t.advance(3 * 60 * 1000 + 1);
    await expect(
      respond(t.totpChallenge, clientOf('app', t.pool), session, {
        USERNAME: 'ann',
        SOFTWARE_TOKEN_MFA_CODE: '123456',
      }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user, session is expired.' });
  });

  it('does not take an MFA_SETUP or a forged Session', async () => {
    const t = setUp('ON');
    const setup = (await t.signIn.challengeFor(clientOf('app', t.pool), ann))!.Session!;
    for (const session of [setup, 'AAAA' + setup.slice(4), undefined]) {
      await expect(
        outcome(
          respond(t.totpChallenge, clientOf('app', t.pool), session, {
            USERNAME: 'ann',
            SOFTWARE_TOKEN_MFA_CODE: '1',
          }),
        ),
      ).resolves.toMatch(/NotAuthorizedException|InvalidParameterException/);
    }
  });
});

describe('MFA_SETUP', () => {
  it('gives the tokens for the verified stage of the setup, issued to this client and user', async () => {
    const t = setUp('ON', { totpEnabled: true, totpSecretEnc: sealedSecret });
    const base = { sub: ann.sub, poolId: ann.poolId, clientId: 'app', ttl: 180 };
    const verified = t.sessions.issueSetup({ ...base, stage: 'verified' });
    const answer = await respond(t.setupChallenge, clientOf('app', t.pool), verified, { USERNAME: 'ann' });
    expect(answer.AuthenticationResult?.AccessToken).toBe('a');
    await expect(
      outcome(respond(t.setupChallenge, clientOf('app', t.pool), verified, { USERNAME: 'ann' })),
    ).resolves.toBe('NotAuthorizedException');
  });

  it('refuses a stage before verification, another client and another user', async () => {
    const t = setUp('ON', { totpEnabled: true, totpSecretEnc: sealedSecret });
    const base = { sub: ann.sub, poolId: ann.poolId, clientId: 'app', ttl: 180 };
    const cases: [string, ClientForAuth, string][] = [
      [t.sessions.issueSetup({ ...base, stage: 'challenged' }), clientOf('app', t.pool), 'ann'],
      [t.sessions.issueSetup({ ...base, stage: 'associated' }), clientOf('app', t.pool), 'ann'],
      [t.sessions.issueSetup({ ...base, stage: 'verified' }), clientOf('other-app', t.pool), 'ann'],
      [t.sessions.issueSetup({ ...base, stage: 'verified' }), clientOf('app', t.pool), 'bob'],
    ];
    for (const [session, auth, username] of cases) {
      await expect(outcome(respond(t.setupChallenge, auth, session, { USERNAME: username }))).resolves.toBe(
        'NotAuthorizedException',
      );
    }
    expect(t.completion.signedIn).not.toHaveBeenCalled();
  });

  it('answers SoftwareTokenMFANotFoundException when the token was turned off meanwhile', async () => {
    const t = setUp('ON', { totpEnabled: false, totpSecretEnc: sealedSecret });
    const verified = t.sessions.issueSetup({
      sub: ann.sub,
      poolId: ann.poolId,
      clientId: 'app',
      ttl: 180,
      stage: 'verified',
    });
    await expect(
      outcome(respond(t.setupChallenge, clientOf('app', t.pool), verified, { USERNAME: 'ann' })),
    ).resolves.toBe('SoftwareTokenMFANotFoundException');
  });
});
