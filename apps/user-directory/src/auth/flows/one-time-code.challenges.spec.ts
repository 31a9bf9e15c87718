import { AuthEventRecorder } from '../../risk/auth-event-recorder';
import { randomBytes } from 'node:crypto';
import { AuthenticationResultType } from '@idfed/contracts';
import { AttemptLimiter } from '../../attempts/attempt-limiter';
import { ClientConfig } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { AppClientEntity, UserEntity, UserMfaEntity, UserPoolEntity } from '../../database/entities';
import { CodeSignInVerification } from './code-sign-in-verification';
import { OutgoingMessage } from '../../delivery/message-sender';
import { MfaCodesRepository, StoredMfaCode } from '../../mfa/mfa-codes.repository';
import { MfaSessions } from '../../mfa/mfa-sessions';
import { MfaSignIn } from '../../mfa/mfa-sign-in';
import { OneTimeCodes } from '../../mfa/one-time-codes';
import { applyMfaConfig } from '../../mfa/pool-mfa';
import { UserMfaRepository } from '../../mfa/user-mfa.repository';
import { UserPoolsRepository } from '../../pools/user-pools.repository';
import { CodeDigest } from '../../users/secrets-at-rest';
import { UsersRepository } from '../../users/users.repository';
import { aPool, aUser, outcome } from '../../../test/support/users-doubles';
import { AuthSessionSeal } from '../auth-session-seal';
import { AuthSessionUsesRepository } from '../auth-session-uses.repository';
import { SignInCompletion } from '../sign-in-completion';
import { EmailOtpChallenge, SmsMfaChallenge } from './one-time-code.challenges';
import { SelectMfaTypeChallenge } from './select-mfa-type.challenge';
import { SoftwareTokenMfaChallenge } from './software-token-mfa.challenge';
import { SoftwareTokens } from '../../mfa/software-tokens';

const ann = aUser({
  attributes: {
    email: 'ann@example.com',
    email_verified: 'true',
    phone_number: '+15555550100',
    phone_number_verified: 'true',
  },
});
const bob = aUser({
  sub: '6f1c2b3a-0000-4000-8000-000000000002',
  username: 'bob',
  usernameKey: 'bob',
  attributes: { ...ann.attributes, phone_number: '+15555550199' },
});

function clientOf(id: string, pool: UserPoolEntity): ClientForAuth {
  return { client: { id, config: { authSessionValidity: 15 } as ClientConfig } as AppClientEntity, pool };
}

interface Options {
  mode?: 'ON' | 'OPTIONAL';
  factors?: { sms?: boolean; email?: boolean; totp?: boolean };
  rows?: Record<string, Partial<UserMfaEntity>>;
}

/**
 * The real OneTimeCodes, sessions, seal and code digest over in-memory repositories; a sender that
 * records what it would deliver; an attempt limiter that records its counts.
 */
function setUp({ mode = 'OPTIONAL', factors = { sms: true, email: true, totp: true }, rows = {} }: Options) {
  const pool = aPool();
  pool.config = applyMfaConfig(pool.config, {
    UserPoolId: pool.id,
    MfaConfiguration: mode,
    SoftwareTokenMfaConfiguration: { Enabled: factors.totp === true },
    ...(factors.sms
      ? {
          SmsMfaConfiguration: {
            SmsAuthenticationMessage: 'Ann app code: {####}',
            SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::1:role/sns', SnsRegion: 'eu-west-1' },
          },
        }
      : {}),
    ...(factors.email
      ? { EmailMfaConfiguration: { Subject: 'Sign-in code', Message: 'Code {####} here' } }
      : {}),
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
  const attempts = { begin: jest.fn(async () => undefined), succeeded: jest.fn(async () => undefined) };
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
    attempts as unknown as AttemptLimiter,
    () => now,
  );
  const mfaRows = {
    find: jest.fn(async (sub: string) =>
      rows[sub]
        ? ({
            totpEnabled: false,
            totpSecretEnc: null,
            smsEnabled: false,
            emailEnabled: false,
            preferred: null,
            ...rows[sub],
          } as UserMfaEntity)
        : undefined,
    ),
  };
  const poolRows = { find: jest.fn(async () => pool) };
  const signIn = new MfaSignIn(
    poolRows as unknown as UserPoolsRepository,
    mfaRows as unknown as UserMfaRepository,
    sessions,
    codes,
  );
  const users = {
    findByName: jest.fn(async (_p: string, _c: unknown, name: string) =>
      [ann, bob].find((u) => u.username === name),
    ),
  } as unknown as UsersRepository;
  const result: AuthenticationResultType = {
    AccessToken: 'a',
    IdToken: 'i',
    ExpiresIn: 3600,
    TokenType: 'Bearer',
  };
  const completion = { signedIn: jest.fn(async () => result) } as unknown as SignInCompletion;
  const totp = { checkSignInCode: jest.fn(async () => undefined) };
  const verification = { verified: jest.fn(async (u: UserEntity) => u) };
  const events = { record: jest.fn(), recordMfa: jest.fn() };
  return {
    pool,
    poolRows,
    auth: clientOf('app', pool),
    signIn,
    sent,
    sender,
    attempts,
    stored,
    sms: new SmsMfaChallenge(
      sessions,
      users,
      codes,
      completion,
      attempts as unknown as AttemptLimiter,
      verification as unknown as CodeSignInVerification,
      events as unknown as AuthEventRecorder,
    ),
    email: new EmailOtpChallenge(
      sessions,
      users,
      codes,
      completion,
      attempts as unknown as AttemptLimiter,
      verification as unknown as CodeSignInVerification,
      events as unknown as AuthEventRecorder,
    ),
    verification,
    select: new SelectMfaTypeChallenge(sessions, users, signIn),
    totp: new SoftwareTokenMfaChallenge(
      sessions,
      users,
      totp as unknown as SoftwareTokens,
      completion,
      events as unknown as AuthEventRecorder,
    ),
    events,
    totpChecks: totp.checkSignInCode,
    advance: (ms: number) => (now += ms),
  };
}

type Handler = SmsMfaChallenge | EmailOtpChallenge | SelectMfaTypeChallenge | SoftwareTokenMfaChallenge;

/** Claims then answers, as AuthFlows does. */
async function respond(
  handler: Handler,
  auth: ClientForAuth,
  session: string | undefined,
  responses: Record<string, string>,
) {
  const { found } = await handler.claim(auth, session, responses);
  return handler.answer(auth, responses, found as never);
}

const codeIn = (m: OutgoingMessage) => /(\d{6})/.exec(m.text)![1];
const smsUser = { [ann.sub]: { smsEnabled: true } };

describe('factor selection after the password', () => {
  it('sends SMS_MFA with the pool message and SmsConfiguration, and says where it went', async () => {
    const t = setUp({ rows: smsUser });
    const answer = await t.signIn.challengeFor(t.auth, ann);
    expect(answer).toMatchObject({
      ChallengeName: 'SMS_MFA',
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
        CODE_DELIVERY_DESTINATION: '+*******0100',
      },
    });
    expect(t.sent).toEqual([
      expect.objectContaining({
        medium: 'SMS',
        to: '+15555550100',
        text: expect.stringMatching(/^Ann app code: \d{6}$/),
        smsConfiguration: { SnsCallerArn: 'arn:aws:iam::1:role/sns', SnsRegion: 'eu-west-1' },
      }),
    ]);
    // Kept as a keyed digest, never the code.
    const [row] = [...t.stored.values()];
    expect(row.codeDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(codeIn(t.sent[0]));
  });

  it('reads the pool afresh, unless the caller read it with the user', async () => {
    const t = setUp({ rows: smsUser });
    await t.signIn.challengeFor(t.auth, ann);
    expect(t.poolRows.find).toHaveBeenCalledTimes(1);
    const stale = { ...t.pool, config: { ...t.pool.config, mfaConfiguration: 'OFF' as const } };
    // The client cache's copy says OFF; the copy read with the user says OPTIONAL with SMS.
    const answer = await t.signIn.challengeFor(clientOf('app', stale), ann, t.pool);
    expect(answer?.ChallengeName).toBe('SMS_MFA');
    expect(t.poolRows.find).toHaveBeenCalledTimes(1);
  });

  it('sends EMAIL_OTP with the subject and message of EmailMfaConfiguration', async () => {
    const t = setUp({ rows: { [ann.sub]: { emailEnabled: true } } });
    await expect(t.signIn.challengeFor(t.auth, ann)).resolves.toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' },
    });
    expect(t.sent).toEqual([
      expect.objectContaining({ medium: 'EMAIL', to: 'ann@example.com', subject: 'Sign-in code' }),
    ]);
    expect(t.sent[0].text).toMatch(/^Code \d{6} here$/);
  });

  it('asks SELECT_MFA_TYPE when several factors are on and none preferred; the preferred one otherwise', async () => {
    const several = {
      smsEnabled: true,
      emailEnabled: true,
      totpEnabled: true,
      totpSecretEnc: Buffer.from('s'),
    };
    const t = setUp({ rows: { [ann.sub]: several } });
    await expect(t.signIn.challengeFor(t.auth, ann)).resolves.toMatchObject({
      ChallengeName: 'SELECT_MFA_TYPE',
      ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' },
    });
    expect(t.sent).toEqual([]);
    const preferring = setUp({ rows: { [ann.sub]: { ...several, preferred: 'EMAIL_OTP' } } });
    await expect(preferring.signIn.challengeFor(preferring.auth, ann)).resolves.toMatchObject({
      ChallengeName: 'EMAIL_OTP',
    });
  });

  it("skips factors the pool does not have, and the user's SMS without a phone number", async () => {
    const t = setUp({
      factors: { email: true },
      rows: { [ann.sub]: { smsEnabled: true, emailEnabled: true } },
    });
    await expect(t.signIn.challengeFor(t.auth, ann)).resolves.toMatchObject({ ChallengeName: 'EMAIL_OTP' });
    const noPhone = aUser({ attributes: { email: 'ann@example.com' } });
    const u = setUp({ factors: { sms: true }, rows: { [noPhone.sub]: { smsEnabled: true } } });
    await expect(u.signIn.challengeFor(u.auth, noPhone)).resolves.toBeUndefined();
  });

  it('sends a code to the verified phone of a user with no factor in an ON pool, and lets them by in OPTIONAL', async () => {
    const on = setUp({ mode: 'ON' });
    await expect(on.signIn.challengeFor(on.auth, ann)).resolves.toMatchObject({ ChallengeName: 'SMS_MFA' });
    const optional = setUp({ mode: 'OPTIONAL' });
    await expect(optional.signIn.challengeFor(optional.auth, ann)).resolves.toBeUndefined();
  });

  it('answers CodeDeliveryFailureException when the code cannot be sent', async () => {
    const t = setUp({ rows: smsUser });
    t.sender.send.mockRejectedValueOnce(new Error('SNS Publish answered 403 InvalidClientTokenId'));
    await expect(outcome(t.signIn.challengeFor(t.auth, ann))).resolves.toBe('CodeDeliveryFailureException');
  });
});

describe('SMS_MFA and EMAIL_OTP answers', () => {
  async function challenged(t: ReturnType<typeof setUp>, user = ann) {
    const answer = (await t.signIn.challengeFor(t.auth, user))!;
    return { session: answer.Session!, code: codeIn(t.sent[t.sent.length - 1]) };
  }

  it('gives the tokens for the right code, counted and forgiven on the mfa-code lockout', async () => {
    const t = setUp({ rows: smsUser });
    const { session, code } = await challenged(t);
    const answer = await respond(t.sms, t.auth, session, { USERNAME: 'ann', SMS_MFA_CODE: code });
    expect(answer.AuthenticationResult?.AccessToken).toBe('a');
    expect(t.attempts.begin).toHaveBeenCalledWith('mfa-code', { key: `user:${ann.sub}`, poolId: ann.poolId });
    expect(t.attempts.succeeded).toHaveBeenCalledTimes(1);
    // An MFA code after a password marks nothing verified (ADR 0062): only first-factor codes do.
    expect(t.verification.verified).not.toHaveBeenCalled();
    // Threat protection's SignIn event of the answer (ADR 0083).
    expect(t.events.recordMfa).toHaveBeenCalledWith(
      t.auth.pool,
      expect.objectContaining({ sub: ann.sub }),
      true,
    );
  });

  it('refuses a replayed code: the session is used up, the code taken', async () => {
    const t = setUp({ rows: smsUser });
    const { session, code } = await challenged(t);
    await respond(t.sms, t.auth, session, { USERNAME: 'ann', SMS_MFA_CODE: code });
    await expect(
      respond(t.sms, t.auth, session, { USERNAME: 'ann', SMS_MFA_CODE: code }),
    ).rejects.toMatchObject({
      message: 'Invalid session for the user, session can only be used once.',
    });
    expect(t.stored.size).toBe(0);
  });

  it('answers a wrong code CodeMismatchException, counts it, and uses the session up', async () => {
    const t = setUp({ rows: smsUser });
    const { session, code } = await challenged(t);
    const wrong = code === '000000' ? '000001' : '000000';
    await expect(
      respond(t.sms, t.auth, session, { USERNAME: 'ann', SMS_MFA_CODE: wrong }),
    ).rejects.toMatchObject({
      errorName: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
    });
    expect(t.attempts.begin).toHaveBeenCalledTimes(1);
    expect(t.attempts.succeeded).not.toHaveBeenCalled();
    expect(t.events.recordMfa).toHaveBeenCalledTimes(1);
    expect(t.events.recordMfa).toHaveBeenCalledWith(
      t.auth.pool,
      expect.objectContaining({ sub: ann.sub }),
      false,
    );
    await expect(
      outcome(respond(t.sms, t.auth, session, { USERNAME: 'ann', SMS_MFA_CODE: code })),
    ).resolves.toBe('NotAuthorizedException');
    // A spent session is no answer to the code: nothing more recorded.
    expect(t.events.recordMfa).toHaveBeenCalledTimes(1);
  });

  it('refuses the code of another session of the same user, and of another user', async () => {
    const t = setUp({ rows: { ...smsUser, [bob.sub]: { smsEnabled: true } } });
    const first = await challenged(t);
    const second = await challenged(t);
    const bobs = await challenged(t, bob);
    for (const code of [first.code, bobs.code].filter((c) => c !== second.code)) {
      const u = setUp({ rows: smsUser });
      const fresh = await challenged(u);
      if (code === fresh.code) continue;
      await expect(
        outcome(respond(u.sms, u.auth, fresh.session, { USERNAME: 'ann', SMS_MFA_CODE: code })),
      ).resolves.toBe('CodeMismatchException');
    }
    // Bob's session answered for Ann, and Ann's for Bob: refused before any code is looked at.
    await expect(
      respond(t.sms, t.auth, bobs.session, { USERNAME: 'ann', SMS_MFA_CODE: bobs.code }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user.' });
    await expect(
      respond(t.sms, t.auth, second.session, { USERNAME: 'bob', SMS_MFA_CODE: second.code }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user.' });
    expect(t.attempts.begin).not.toHaveBeenCalled();
  });

  it('refuses a session re-targeted to another app client or another factor', async () => {
    const t = setUp({ rows: smsUser });
    const { session, code } = await challenged(t);
    await expect(
      outcome(
        respond(t.sms, clientOf('other-app', t.pool), session, { USERNAME: 'ann', SMS_MFA_CODE: code }),
      ),
    ).resolves.toBe('NotAuthorizedException');
    await expect(
      respond(t.email, t.auth, session, { USERNAME: 'ann', EMAIL_OTP_CODE: code }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user.' });
    await expect(
      respond(t.totp, t.auth, session, { USERNAME: 'ann', SOFTWARE_TOKEN_MFA_CODE: code }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user.' });
    expect(t.totpChecks).not.toHaveBeenCalled();
    // Still good for what it was issued for.
    await respond(t.sms, t.auth, session, { USERNAME: 'ann', SMS_MFA_CODE: code });
  });

  it('answers a code past its 3 minutes ExpiredCodeException, counted and the session used, as a wrong one', async () => {
    const t = setUp({ rows: { [ann.sub]: { emailEnabled: true } } });
    const late = await challenged(t);
    const wrong = await challenged(t);
    t.advance(3 * 60 * 1000);
    await expect(
      respond(t.email, t.auth, late.session, { USERNAME: 'ann', EMAIL_OTP_CODE: late.code }),
    ).rejects.toMatchObject({ errorName: 'ExpiredCodeException' });
    const bad = wrong.code === '999999' ? '999998' : '999999';
    await expect(
      outcome(respond(t.email, t.auth, wrong.session, { USERNAME: 'ann', EMAIL_OTP_CODE: bad })),
    ).resolves.toBe('ExpiredCodeException');
    expect(t.attempts.begin).toHaveBeenCalledTimes(2);
    expect(t.attempts.succeeded).not.toHaveBeenCalled();
    for (const { session, code } of [late, wrong]) {
      await expect(
        outcome(respond(t.email, t.auth, session, { USERNAME: 'ann', EMAIL_OTP_CODE: code })),
      ).resolves.toBe('NotAuthorizedException');
    }
  });

  it("refuses a session past the client's AuthSessionValidity as expired", async () => {
    const t = setUp({ rows: smsUser });
    const { session, code } = await challenged(t);
    t.advance(15 * 60 * 1000 + 1);
    await expect(
      respond(t.sms, t.auth, session, { USERNAME: 'ann', SMS_MFA_CODE: code }),
    ).rejects.toMatchObject({
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('stops at the lockout before looking at the code', async () => {
    const t = setUp({ rows: smsUser });
    const { session, code } = await challenged(t);
    t.attempts.begin.mockRejectedValueOnce(new Error('Password attempts exceeded'));
    await expect(respond(t.sms, t.auth, session, { USERNAME: 'ann', SMS_MFA_CODE: code })).rejects.toThrow(
      'Password attempts exceeded',
    );
    expect(t.stored.size).toBe(1);
  });
});

describe('SELECT_MFA_TYPE', () => {
  const several = {
    smsEnabled: true,
    emailEnabled: true,
    totpEnabled: true,
    totpSecretEnc: Buffer.from('s'),
  };

  it('issues the chosen factor under a new session, once', async () => {
    const t = setUp({ rows: { [ann.sub]: several } });
    const select = (await t.signIn.challengeFor(t.auth, ann))!.Session!;
    const chosen = await respond(t.select, t.auth, select, { USERNAME: 'ann', ANSWER: 'EMAIL_OTP' });
    expect(chosen).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' },
    });
    expect(chosen.Session).not.toBe(select);
    const answer = await respond(t.email, t.auth, chosen.Session, {
      USERNAME: 'ann',
      EMAIL_OTP_CODE: codeIn(t.sent[0]),
    });
    expect(answer.AuthenticationResult?.AccessToken).toBe('a');
    await expect(
      outcome(respond(t.select, t.auth, select, { USERNAME: 'ann', ANSWER: 'SMS_MFA' })),
    ).resolves.toBe('NotAuthorizedException');
  });

  it('offers the software token too, and refuses a factor it did not offer', async () => {
    const t = setUp({
      rows: { [ann.sub]: { smsEnabled: true, totpEnabled: true, totpSecretEnc: Buffer.from('s') } },
    });
    const select = (await t.signIn.challengeFor(t.auth, ann))!.Session!;
    await expect(
      outcome(respond(t.select, t.auth, select, { USERNAME: 'ann', ANSWER: 'EMAIL_OTP' })),
    ).resolves.toBe('InvalidParameterException');
    const chosen = await respond(t.select, t.auth, select, { USERNAME: 'ann', ANSWER: 'SOFTWARE_TOKEN_MFA' });
    expect(chosen).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {} });
    await respond(t.totp, t.auth, chosen.Session, { USERNAME: 'ann', SOFTWARE_TOKEN_MFA_CODE: '123456' });
    expect(t.totpChecks).toHaveBeenCalledWith(ann, '123456');
  });

  it('refuses a SELECT_MFA_TYPE session answered as a code challenge, or for another user', async () => {
    const t = setUp({ rows: { [ann.sub]: several } });
    const select = (await t.signIn.challengeFor(t.auth, ann))!.Session!;
    await expect(
      respond(t.sms, t.auth, select, { USERNAME: 'ann', SMS_MFA_CODE: '123456' }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user.' });
    await expect(
      respond(t.select, t.auth, select, { USERNAME: 'bob', ANSWER: 'SMS_MFA' }),
    ).rejects.toMatchObject({ message: 'Invalid session for the user.' });
    expect(t.sent).toEqual([]);
  });
});
