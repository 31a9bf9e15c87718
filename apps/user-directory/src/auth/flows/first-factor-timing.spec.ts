import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  compareTimings,
  interleavedTimings,
  timingTellsApart,
} from '../../../../../libs/testing/src/timing-statistics';
import { ClientConfig } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { AppClientEntity } from '../../database/entities';
import { BackgroundDelivery } from '../../delivery/background-delivery';
import { OutgoingMessage } from '../../delivery/message-sender';
import { AttemptLimiter } from '../../attempts/attempt-limiter';
import { MfaCodesRepository, StoredMfaCode } from '../../mfa/mfa-codes.repository';
import { MfaSessions } from '../../mfa/mfa-sessions';
import { OneTimeCodes } from '../../mfa/one-time-codes';
import { CodeDigest } from '../../users/secrets-at-rest';
import { Passkeys } from '../../webauthn/passkeys';
import { aPool, aUser } from '../../../test/support/users-doubles';
import { AuthSessionSeal } from '../auth-session-seal';
import { AuthSessionUsesRepository } from '../auth-session-uses.repository';
import { UserSrpAuth } from '../user-srp-auth';
import { FirstFactors } from './first-factors';
import { PasswordSignIn } from './password-sign-in';

/** What a statement and a sent message cost here: enough to stand out on a loaded machine. */
const STORE_MS = 5;
const SEND_MS = 15;
const PAIRS = 25;

/**
 * Issue 11 / ADR 0037: a USER_AUTH code challenge for an unknown name (a decoy) must take the time a
 * user's does. The code row and the message cost what a database and a mail server cost; the
 * challenges of a user and of unknown names are timed interleaved and compared by rank.
 */
describe('first-factor code challenges by time', () => {
  it('answers a user and an unknown name alike, and still stores and sends the user code', async () => {
    const pool = aPool({ signInPolicy: { AllowedFirstAuthFactors: ['EMAIL_OTP', 'SMS_OTP'] } });
    const stored = new Map<string, StoredMfaCode>();
    const rows = {
      insert: jest.fn(async (id: string, code: StoredMfaCode) => {
        await sleep(STORE_MS);
        stored.set(id, code);
      }),
    };
    const sent: OutgoingMessage[] = [];
    const sender = {
      send: jest.fn(async (m: OutgoingMessage) => {
        await sleep(SEND_MS);
        // The message goes only once its code is stored.
        expect(stored.size).toBeGreaterThan(sent.length);
        sent.push(m);
      }),
    };
    const seal = new AuthSessionSeal(randomBytes(32));
    const sessions = new MfaSessions(
      seal,
      {} as AuthSessionUsesRepository,
      rows as unknown as MfaCodesRepository,
    );
    const codes = new OneTimeCodes(
      rows as unknown as MfaCodesRepository,
      new CodeDigest(randomBytes(32)),
      sender,
      {} as AttemptLimiter,
    );
    const delivery = new BackgroundDelivery(sender);
    const factors = new FirstFactors(
      {} as PasswordSignIn,
      {} as UserSrpAuth,
      sessions,
      codes,
      seal,
      {} as Passkeys,
      delivery,
    );
    const auth = {
      client: {
        id: 'app',
        config: { authSessionValidity: 3, preventUserExistenceErrors: 'ENABLED' } as ClientConfig,
      } as AppClientEntity,
      pool,
    } as ClientForAuth;
    const ann = aUser({ attributes: { email: 'ann@example.com', phone_number: '+15555550100' } });

    for (const factor of ['EMAIL_OTP', 'SMS_OTP'] as const) {
      const { first: known, second: unknown } = await interleavedTimings(
        PAIRS,
        () => factors.start(auth, pool, { username: 'ann', user: ann }, factor, {}),
        (i) => factors.start(auth, pool, { username: `nobody-${i}`, user: undefined }, factor, {}),
      );
      const comparison = compareTimings(known, unknown);
      expect({ factor, tellsApart: timingTellsApart(comparison, { minGapMs: SEND_MS / 3 }) }).toEqual({
        factor,
        tellsApart: false,
      });
    }
    await delivery.onModuleDestroy();
    // Every user challenge stored its code and sent it; no decoy sent anything.
    expect(stored.size).toBe(2 * PAIRS);
    expect(sent).toHaveLength(2 * PAIRS);
    expect(sent.every((m) => m.to === 'ann@example.com' || m.to === '+15555550100')).toBe(true);
  });
});
