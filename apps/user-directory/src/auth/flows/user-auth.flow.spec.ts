import { AuthEventRecorder } from '../../risk/auth-event-recorder';
import { randomBytes } from 'node:crypto';
import { AuthenticationResultType, InitiateAuthResponse } from '@idfed/contracts';
import { AttemptLimiter } from '../../attempts/attempt-limiter';
import { ClientConfig } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { AppClientEntity, UserEntity, UserPoolEntity } from '../../database/entities';
import { CodeSignInVerification } from './code-sign-in-verification';
import { BackgroundDelivery } from '../../delivery/background-delivery';
import { OutgoingMessage } from '../../delivery/message-sender';
import { MfaCodesRepository, StoredMfaCode } from '../../mfa/mfa-codes.repository';
import { MfaSessions } from '../../mfa/mfa-sessions';
import { MfaSignIn } from '../../mfa/mfa-sign-in';
import { OneTimeCodes } from '../../mfa/one-time-codes';
import { AuthFactorType } from '@idfed/contracts';
import { CodeDigest } from '../../users/secrets-at-rest';
import { UsersRepository } from '../../users/users.repository';
import { aPool, aUser, outcome } from '../../../test/support/users-doubles';
import { AuthSessionSeal } from '../auth-session-seal';
import { AuthSessionUsesRepository } from '../auth-session-uses.repository';
import { SignInCompletion } from '../sign-in-completion';
import { UserSrpAuth } from '../user-srp-auth';
import { FirstFactors } from './first-factors';
import { EmailOtpChallenge, SmsMfaChallenge, SmsOtpChallenge } from './one-time-code.challenges';
import { PasswordSignIn } from './password-sign-in';
import { SelectChallengeChallenge } from './select-challenge.challenge';
import { UserAuthFlow } from './user-auth.flow';
import { Passkeys } from '../../webauthn/passkeys';

const ann = aUser({
  attributes: { email: 'ann@example.com', phone_number: '+15555550100' },
});
const bob = aUser({
  sub: '6f1c2b3a-0000-4000-8000-000000000002',
  username: 'bob',
  usernameKey: 'bob',
  attributes: { email: 'bob@example.com' },
});
const cid = aUser({
  sub: '6f1c2b3a-0000-4000-8000-000000000003',
  username: 'cid',
  usernameKey: 'cid',
  status: 'UNCONFIRMED',
  attributes: { email: 'cid@example.com' },
});

/** Lets the codes the latest set-up sends after its answers go out (ADR 0037). */
let settleDeliveries: () => Promise<void> = async () => undefined;

interface Options {
  factors?: AuthFactorType[];
  mfa?: 'OFF' | 'ON' | 'OPTIONAL';
  hideUsers?: boolean;
  /** Whether the pool names a UserMigration function. */
  migrating?: boolean;
}

/**
 * The real flow, SELECT_CHALLENGE and code handlers, FirstFactors, OneTimeCodes, sessions and seal
 * over in-memory repositories; PasswordSignIn and UserSrpAuth (tested on their own) as doubles
 * that record what they were asked.
 */
function setUp({
  factors = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'],
  mfa = 'OFF',
  hideUsers = false,
  migrating = false,
}: Options = {}) {
  const pool: UserPoolEntity = aPool({
    signInPolicy: { AllowedFirstAuthFactors: factors },
    mfaConfiguration: mfa,
  });
  let now = 1_765_000_000_000;
  const used = new Set<string>();
  const uses = {
    useOnce: jest.fn(async (id: string) => !used.has(id) && !!used.add(id)),
    forgetExpired: jest.fn(async () => undefined),
  };
  const stored = new Map<string, StoredMfaCode>();
  const codeRows = {
    insert: jest.fn(async (id: string, code: StoredMfaCode) => void stored.set(id, code)),
    take: jest.fn(async (id: string) => {
      const code = stored.get(id);
      stored.delete(id);
      return code;
    }),
    forgetExpired: jest.fn(async () => undefined),
  };
  const sent: OutgoingMessage[] = [];
  const sender = { send: jest.fn(async (m: OutgoingMessage) => void sent.push(m)) };
  const attempts = {
    begin: jest.fn(async () => undefined),
    succeeded: jest.fn(async () => undefined),
    unknownName: jest.fn((poolId: string, _c: unknown, name: string) => ({ poolId, key: `name:${name}` })),
  };
  const limiter = attempts as unknown as AttemptLimiter;
  const seal = new AuthSessionSeal(randomBytes(32), () => now);
  const sessions = new MfaSessions(
    seal,
    uses as unknown as AuthSessionUsesRepository,
    codeRows as unknown as MfaCodesRepository,
  );
  const codes = new OneTimeCodes(
    codeRows as unknown as MfaCodesRepository,
    new CodeDigest(randomBytes(32)),
    sender,
    limiter,
    () => now,
  );
  const mfaSignIn = { currentPool: jest.fn(async () => pool) } as unknown as MfaSignIn;
  const users = {
    findByName: jest.fn(async (_p: string, _c: unknown, name: string) =>
      [ann, bob, cid].find((u) => u.username === name),
    ),
  } as unknown as UsersRepository;
  const result: AuthenticationResultType = {
    AccessToken: 'a',
    IdToken: 'i',
    ExpiresIn: 3600,
    TokenType: 'Bearer',
  };
  const completion = { signedIn: jest.fn(async () => result) };
  const password = {
    signIn: jest.fn(async () => ({ ChallengeParameters: {}, AuthenticationResult: result })),
  };
  const srp = {
    challenge: jest.fn(async () => ({
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: { SRP_B: 'b' },
    })),
  };
  const passkeys = { usableBy: jest.fn(async () => false) };
  const delivery = new BackgroundDelivery(sender);
  settleDeliveries = () => delivery.onModuleDestroy();
  const first = new FirstFactors(
    password as unknown as PasswordSignIn,
    srp as unknown as UserSrpAuth,
    sessions,
    codes,
    seal,
    passkeys as unknown as Passkeys,
    delivery,
  );
  const signInCompletion = completion as unknown as SignInCompletion;
  const verification = { verified: jest.fn(async (u: UserEntity) => u) };
  const verifying = verification as unknown as CodeSignInVerification;
  const events = { record: jest.fn(), recordMfa: jest.fn() };
  const recorder = events as unknown as AuthEventRecorder;
  const client = (id: string): ClientForAuth => ({
    client: {
      id,
      config: {
        authSessionValidity: 3,
        preventUserExistenceErrors: hideUsers ? 'ENABLED' : 'LEGACY',
      } as ClientConfig,
    } as AppClientEntity,
    pool,
  });
  return {
    pool,
    auth: client('app'),
    other: client('other-app'),
    sent,
    stored,
    attempts,
    password,
    srp,
    completion,
    passkeys,
    flow: new UserAuthFlow(users, mfaSignIn, first, { configured: () => migrating }),
    select: new SelectChallengeChallenge(sessions, users, mfaSignIn, first),
    email: new EmailOtpChallenge(sessions, users, codes, signInCompletion, limiter, verifying, recorder),
    smsOtp: new SmsOtpChallenge(sessions, users, codes, signInCompletion, limiter, verifying, recorder),
    smsMfa: new SmsMfaChallenge(sessions, users, codes, signInCompletion, limiter, verifying, recorder),
    verification,
    events,
    advance: (ms: number) => (now += ms),
    /** Lets the codes sent after the answer go out. */
    settle: () => delivery.onModuleDestroy(),
  };
}

type Setup = ReturnType<typeof setUp>;
type Handler = Setup['select'] | Setup['email'] | Setup['smsOtp'] | Setup['smsMfa'];

async function start(t: Setup, params: Record<string, string>, auth = t.auth): Promise<InitiateAuthResponse> {
  const { found } = await t.flow.claim(auth, params);
  const answer = await t.flow.start(auth, params, found);
  await t.settle();
  return answer;
}

async function respond(
  handler: Handler,
  auth: ClientForAuth,
  session: string | undefined,
  responses: Record<string, string>,
) {
  const { found } = await handler.claim(auth, session, responses);
  try {
    return await handler.answer(auth, responses, found as never);
  } finally {
    await settleDeliveries();
  }
}

const codeIn = (m: OutgoingMessage) => /(\d{6})/.exec(m.text)![1];
const otherThan = (code: string) => String((Number(code) + 111_111) % 1_000_000).padStart(6, '0');

describe('USER_AUTH without a preferred challenge', () => {
  it('answers SELECT_CHALLENGE with the factors the pool allows and the user can use, sending nothing', async () => {
    const t = setUp();
    expect(await start(t, { USERNAME: 'ann' })).toEqual({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: expect.any(String),
      ChallengeParameters: {},
      AvailableChallenges: ['EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP'],
    });
    // Bob has no phone number: no SMS_OTP for him.
    expect((await start(t, { USERNAME: 'bob' })).AvailableChallenges).toEqual([
      'EMAIL_OTP',
      'PASSWORD',
      'PASSWORD_SRP',
    ]);
    expect(t.sent).toEqual([]);
  });

  it('offers WEB_AUTHN to a user with a passkey, never where MFA is required', async () => {
    const t = setUp();
    t.passkeys.usableBy.mockResolvedValue(true);
    expect((await start(t, { USERNAME: 'ann' })).AvailableChallenges).toEqual([
      'EMAIL_OTP',
      'SMS_OTP',
      'WEB_AUTHN',
      'PASSWORD',
      'PASSWORD_SRP',
    ]);
    const on = setUp({ mfa: 'ON' });
    on.passkeys.usableBy.mockResolvedValue(true);
    expect((await start(on, { USERNAME: 'ann' })).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
  });

  it('offers PASSWORD only in a pool with the default policy, and no passwordless factor where MFA is required', async () => {
    const defaults = setUp();
    defaults.pool.config = { ...defaults.pool.config, signInPolicy: undefined };
    expect((await start(defaults, { USERNAME: 'ann' })).AvailableChallenges).toEqual([
      'PASSWORD',
      'PASSWORD_SRP',
    ]);
    expect((await start(setUp({ mfa: 'ON' }), { USERNAME: 'ann' })).AvailableChallenges).toEqual([
      'PASSWORD',
      'PASSWORD_SRP',
    ]);
  });

  it('refuses a missing USERNAME, an unknown PREFERRED_CHALLENGE and a preferred password without it', async () => {
    const t = setUp();
    expect(await outcome(start(t, {}))).toBe('InvalidParameterException');
    expect(await outcome(start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'SOFTWARE_TOKEN_MFA' }))).toBe(
      'InvalidParameterException',
    );
    expect(await outcome(start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'PASSWORD' }))).toBe(
      'InvalidParameterException',
    );
    expect(
      await outcome(start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: '0' })),
    ).toBe('InvalidParameterException');
  });
});

describe('USER_AUTH with a preferred challenge', () => {
  it('EMAIL_OTP: sends a code, whose right answer gives the tokens once', async () => {
    const t = setUp();
    const started = await start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(started).toEqual({
      ChallengeName: 'EMAIL_OTP',
      Session: expect.any(String),
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' },
    });
    expect(t.sent).toEqual([expect.objectContaining({ medium: 'EMAIL', to: 'ann@example.com' })]);
    const code = codeIn(t.sent[0]);
    const answered = await respond(t.email, t.auth, started.Session, {
      USERNAME: 'ann',
      EMAIL_OTP_CODE: code,
    });
    expect(answered.AuthenticationResult?.AccessToken).toBe('a');
    expect(t.completion.signedIn).toHaveBeenCalledWith(t.auth, ann, undefined, undefined, undefined);
    // The code proved the email (ADR 0062).
    expect(t.verification.verified).toHaveBeenCalledWith(ann, 'email');
    expect(t.attempts.begin).toHaveBeenCalledWith('mfa-code', { poolId: ann.poolId, key: `user:${ann.sub}` });
    // Threat protection's event (ADR 0091): the code is the sign-in, no MFA after a password.
    expect(t.events.record).toHaveBeenCalledWith(t.pool, ann, 'SignIn', 'Pass');
    expect(t.events.recordMfa).not.toHaveBeenCalled();
    // Replayed: the session is used up, and so is the code.
    expect(
      await outcome(respond(t.email, t.auth, started.Session, { USERNAME: 'ann', EMAIL_OTP_CODE: code })),
    ).toBe('NotAuthorizedException');
    expect(t.events.record).toHaveBeenCalledTimes(1);
  });

  it('SMS_OTP: the code to the phone, answered as SMS_OTP_CODE; an SMS_MFA answer cannot use its session', async () => {
    const t = setUp();
    const started = await start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(started).toMatchObject({
      ChallengeName: 'SMS_OTP',
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
        CODE_DELIVERY_DESTINATION: '+*******0100',
      },
    });
    const code = codeIn(t.sent[0]);
    expect(
      await outcome(respond(t.smsMfa, t.auth, started.Session, { USERNAME: 'ann', SMS_MFA_CODE: code })),
    ).toBe('NotAuthorizedException');
    expect(
      await outcome(respond(t.smsOtp, t.auth, started.Session, { USERNAME: 'ann', SMS_OTP_CODE: code })),
    ).toBe('ok');
    expect(t.verification.verified).toHaveBeenCalledWith(ann, 'phone_number');
  });

  it('a wrong code is CodeMismatchException, counted on the user, and uses the session up', async () => {
    const t = setUp();
    const started = await start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    const code = codeIn(t.sent[0]);
    expect(
      await outcome(
        respond(t.email, t.auth, started.Session, { USERNAME: 'ann', EMAIL_OTP_CODE: otherThan(code) }),
      ),
    ).toBe('CodeMismatchException');
    expect(t.attempts.begin).toHaveBeenCalledWith('mfa-code', { poolId: ann.poolId, key: `user:${ann.sub}` });
    expect(t.attempts.succeeded).not.toHaveBeenCalled();
    expect(t.events.record).toHaveBeenCalledWith(t.pool, ann, 'SignIn', 'Fail');
    expect(t.events.recordMfa).not.toHaveBeenCalled();
    expect(
      await outcome(respond(t.email, t.auth, started.Session, { USERNAME: 'ann', EMAIL_OTP_CODE: code })),
    ).toBe('NotAuthorizedException');
  });

  it('refuses a session re-targeted to another user or app client, or past its 3 minutes', async () => {
    const t = setUp();
    const started = await start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    const code = codeIn(t.sent[0]);
    expect(
      await outcome(respond(t.email, t.auth, started.Session, { USERNAME: 'bob', EMAIL_OTP_CODE: code })),
    ).toBe('NotAuthorizedException');
    expect(
      await outcome(respond(t.email, t.other, started.Session, { USERNAME: 'ann', EMAIL_OTP_CODE: code })),
    ).toBe('NotAuthorizedException');
    t.advance(3 * 60 * 1000 + 1);
    expect(
      await outcome(respond(t.email, t.auth, started.Session, { USERNAME: 'ann', EMAIL_OTP_CODE: code })),
    ).toBe('NotAuthorizedException');
  });

  it('checks the account after the code: an unconfirmed user is told so only with the right code', async () => {
    const t = setUp();
    const first = await start(t, { USERNAME: 'cid', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(
      await outcome(
        respond(t.email, t.auth, first.Session, {
          USERNAME: 'cid',
          EMAIL_OTP_CODE: otherThan(codeIn(t.sent[0])),
        }),
      ),
    ).toBe('CodeMismatchException');
    const second = await start(t, { USERNAME: 'cid', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(
      await outcome(
        respond(t.email, t.auth, second.Session, { USERNAME: 'cid', EMAIL_OTP_CODE: codeIn(t.sent[1]) }),
      ),
    ).toBe('UserNotConfirmedException');
    expect(t.completion.signedIn).not.toHaveBeenCalled();
  });

  it('PASSWORD and PASSWORD_SRP are the password flows', async () => {
    const t = setUp();
    await start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'pw', DEVICE_KEY: 'dk' });
    expect(t.password.signIn).toHaveBeenCalledWith(t.auth, {
      username: 'ann',
      password: 'pw',
      deviceKey: 'dk',
    });
    expect(
      await start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: 'abc123' }),
    ).toMatchObject({
      ChallengeName: 'PASSWORD_VERIFIER',
    });
    expect(t.srp.challenge).toHaveBeenCalledWith(t.auth, { username: 'ann', A: 0xabc123n });
  });

  it('a factor the pool does not allow first gets SELECT_CHALLENGE, and sends nothing', async () => {
    const t = setUp({ factors: ['PASSWORD'] });
    const started = await start(t, { USERNAME: 'ann', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(started).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'],
    });
    expect(t.sent).toEqual([]);
    expect(
      await outcome(respond(t.select, t.auth, started.Session, { USERNAME: 'ann', ANSWER: 'EMAIL_OTP' })),
    ).toBe('InvalidParameterException');
    expect(t.sent).toEqual([]);
  });
});

describe('SELECT_CHALLENGE', () => {
  it('starts the chosen factor under a new session, once', async () => {
    const t = setUp();
    const selecting = await start(t, { USERNAME: 'ann' });
    const chosen = await respond(t.select, t.auth, selecting.Session, {
      USERNAME: 'ann',
      ANSWER: 'EMAIL_OTP',
    });
    expect(chosen).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' },
    });
    expect(chosen.Session).not.toBe(selecting.Session);
    expect(
      await outcome(respond(t.select, t.auth, selecting.Session, { USERNAME: 'ann', ANSWER: 'EMAIL_OTP' })),
    ).toBe('NotAuthorizedException');
    expect(t.sent).toHaveLength(1);
    const password = await start(t, { USERNAME: 'ann' });
    await respond(t.select, t.auth, password.Session, {
      USERNAME: 'ann',
      ANSWER: 'PASSWORD',
      PASSWORD: 'pw',
    });
    expect(t.password.signIn).toHaveBeenCalledWith(t.auth, { username: 'ann', password: 'pw' });
  });

  it("hands the answer's ClientMetadata to the password factors, as PreAuthentication's validationData", async () => {
    const t = setUp();
    const metadata = { campaign: 'spring' };
    const choose = async (responses: Record<string, string>) => {
      const selecting = await start(t, { USERNAME: 'ann' });
      const all = { USERNAME: 'ann', ...responses };
      const { found } = await t.select.claim(t.auth, selecting.Session, all);
      await t.select.answer(t.auth, all, found, metadata);
      await t.settle();
    };
    await choose({ ANSWER: 'PASSWORD', PASSWORD: 'pw' });
    expect(t.password.signIn).toHaveBeenCalledWith(t.auth, {
      username: 'ann',
      password: 'pw',
      validationData: metadata,
    });
    await choose({ ANSWER: 'PASSWORD_SRP', SRP_A: 'abc123' });
    expect(t.srp.challenge).toHaveBeenCalledWith(
      t.auth,
      expect.objectContaining({ username: 'ann', validationData: metadata }),
    );
  });

  it("refuses another user's name, another client, and a factor the user cannot use", async () => {
    const t = setUp();
    const selecting = await start(t, { USERNAME: 'bob' });
    expect(
      await outcome(respond(t.select, t.auth, selecting.Session, { USERNAME: 'ann', ANSWER: 'EMAIL_OTP' })),
    ).toBe('NotAuthorizedException');
    expect(
      await outcome(respond(t.select, t.other, selecting.Session, { USERNAME: 'bob', ANSWER: 'EMAIL_OTP' })),
    ).toBe('NotAuthorizedException');
    expect(
      await outcome(respond(t.select, t.auth, selecting.Session, { USERNAME: 'bob', ANSWER: 'SMS_OTP' })),
    ).toBe('InvalidParameterException');
    expect(t.sent).toEqual([]);
  });
});

describe('a name that is no user', () => {
  it('is UserNotFoundException for a client that does not hide users', async () => {
    expect(await outcome(start(setUp(), { USERNAME: 'nobody' }))).toBe('UserNotFoundException');
  });

  it('goes down the password path (UserMigration) with PASSWORD preferred in a migrating pool, only then', async () => {
    const t = setUp({ migrating: true });
    const params = { USERNAME: 'legacy-lee', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Legacy-Passw0rd!' };
    expect((await start(t, params)).AuthenticationResult).toBeDefined();
    expect(t.password.signIn).toHaveBeenCalledWith(t.auth, {
      username: 'legacy-lee',
      password: 'Legacy-Passw0rd!',
    });
    // A passwordless start does not migrate: the name is still unknown.
    expect(await outcome(start(t, { USERNAME: 'legacy-lee', PREFERRED_CHALLENGE: 'EMAIL_OTP' }))).toBe(
      'UserNotFoundException',
    );
    // Without the function, PASSWORD preferred is refused as before, and so is an undecided start.
    expect(await outcome(start(setUp(), params))).toBe('UserNotFoundException');
    expect(await outcome(start(setUp(), { USERNAME: 'legacy-lee' }))).toBe('UserNotFoundException');
    expect(t.password.signIn).toHaveBeenCalledTimes(1);
  });

  it('is offered the choice in a migrating pool, where PASSWORD migrates it with the ClientMetadata (ADR 0071)', async () => {
    const t = setUp({ migrating: true });
    const real = await start(t, { USERNAME: 'ann' });
    const selecting = await start(t, { USERNAME: 'legacy-lee' });
    // Offered as to a decoy: every factor the pool allows, as a user with both addresses gets.
    expect(selecting).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      AvailableChallenges: real.AvailableChallenges,
    });
    const responses = { USERNAME: 'legacy-lee', ANSWER: 'PASSWORD', PASSWORD: 'Legacy-Passw0rd!' };
    const { found } = await t.select.claim(t.auth, selecting.Session, responses);
    const answer = await t.select.answer(t.auth, responses, found, { tenant: 'blue' });
    expect(answer.AuthenticationResult).toBeDefined();
    expect(t.password.signIn).toHaveBeenCalledWith(t.auth, {
      username: 'legacy-lee',
      password: 'Legacy-Passw0rd!',
      validationData: { tenant: 'blue' },
    });
    // The session is the name's: another name cannot use it.
    const again = await start(t, { USERNAME: 'legacy-lee' });
    expect(
      await outcome(respond(t.select, t.auth, again.Session, { ...responses, USERNAME: 'legacy-other' })),
    ).toBe('NotAuthorizedException');
  });

  it('gets the same challenges as a user when the client hides users, sends nothing and fails as a wrong code', async () => {
    const t = setUp({ hideUsers: true });
    const real = await start(t, { USERNAME: 'ann' });
    const decoy = await start(t, { USERNAME: 'nobody' });
    expect(Object.keys(decoy).sort()).toEqual(Object.keys(real).sort());
    expect(decoy.AvailableChallenges).toEqual(real.AvailableChallenges);
    const chosen = await respond(t.select, t.auth, decoy.Session, {
      USERNAME: 'nobody',
      ANSWER: 'EMAIL_OTP',
    });
    expect(chosen).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
        CODE_DELIVERY_DESTINATION: expect.stringMatching(/^[a-z]\*\*\*@[a-z]\*\*\*$/),
      },
    });
    // The same destination at every attempt, as a real user's.
    const again = await start(t, { USERNAME: 'nobody', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(again.ChallengeParameters).toEqual(chosen.ChallengeParameters);
    expect(t.sent).toEqual([]);
    expect(
      await outcome(
        respond(t.email, t.auth, chosen.Session, { USERNAME: 'nobody', EMAIL_OTP_CODE: '123456' }),
      ),
    ).toBe('CodeMismatchException');
    expect(t.attempts.begin).toHaveBeenCalledWith('mfa-code', { poolId: t.pool.id, key: 'name:nobody' });
    // No user, no event (ADR 0091).
    expect(t.events.record).not.toHaveBeenCalled();
    // Its session is single-use too, and bound to the name.
    expect(
      await outcome(
        respond(t.email, t.auth, chosen.Session, { USERNAME: 'nobody', EMAIL_OTP_CODE: '123456' }),
      ),
    ).toBe('NotAuthorizedException');
    expect(
      await outcome(respond(t.email, t.auth, again.Session, { USERNAME: 'ann', EMAIL_OTP_CODE: '123456' })),
    ).toBe('NotAuthorizedException');
  });
});
