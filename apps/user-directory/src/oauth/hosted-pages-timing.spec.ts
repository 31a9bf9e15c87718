import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { BlockedAddresses } from '../risk/threat-protection';
import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  compareTimings,
  interleavedTimings,
  timingTellsApart,
} from '../../../../libs/testing/src/timing-statistics';
import { AttemptLimiter } from '../attempts/attempt-limiter';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { PasswordSignIn } from '../auth/flows/password-sign-in';
import { SignInCompletion } from '../auth/sign-in-completion';
import { ClientForAuth, ClientsService } from '../clients/clients.service';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { ForgotPasswordUseCase } from '../users/forgot-password.use-case';
import { PasswordCredentials } from '../users/password-credentials';
import { SignUpUseCase } from '../users/sign-up.use-case';
import { UserLookup } from '../users/user-lookup';
import { UsersRepository } from '../users/users.repository';
import { UserMigrations } from '../users/user-migrations';
import { VerificationCodes } from '../users/verification-codes';
import { aPool, aUser } from '../../test/support/users-doubles';
import { AuthorizeRequest, AuthorizeRequests } from './authorize-request';
import { HostedSignIn } from './hosted-sign-in';
import { OAuthForgotPasswordUseCase } from './oauth-forgot-password.use-case';
import { OAuthSignInUseCase } from './oauth-sign-in.use-case';
import { OAuthSignUpUseCase } from './oauth-sign-up.use-case';

/** What one database statement costs here: enough to stand out on a loaded machine. */
const STATEMENT_MS = 10;
const PAIRS = 25;
const tellsApart = (known: number[], unknown: number[]) =>
  timingTellsApart(compareTimings(known, unknown), { minGapMs: STATEMENT_MS / 3 });

const pool = aPool();
// A client that does not hide users from the API (LEGACY): the pages hide them all the same.
const auth = { client: { id: 'app', name: 'app', poolId: pool.id, config: {} }, pool } as ClientForAuth;
const request: AuthorizeRequest = { responseType: 'code', redirectUri: 'https://app/cb', scopes: ['openid'] };
const requests = {
  check: jest.fn(async () => Promise.resolve({ ok: true as const, auth, request })),
} as unknown as AuthorizeRequests;
const base = { UserPoolId: pool.id, Params: {} };
const ann = aUser({ attributes: { email: 'ann@example.com', email_verified: 'true' } });
const dora = aUser({ sub: '6f1c2b3a-0000-4000-8000-000000000004', username: 'dora', enabled: false });

const noMigrations = { configured: () => false } as unknown as UserMigrations;

/** Work that holds the thread, as hashing a password does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** A lockout counter whose every statement costs a round trip to the database. */
function slowAttempts() {
  return {
    begin: jest.fn(async () => sleep(STATEMENT_MS)),
    succeeded: jest.fn(async () => undefined),
    unknownName: jest.fn((poolId: string, _c: unknown, name: string) => ({ poolId, key: `name:${name}` })),
  } as unknown as AttemptLimiter;
}

/**
 * Issue 10 / ADR 0037: the hosted pages never tell who has an account, in words (specified in
 * hosted-pages.use-cases.spec.ts) or in time. Each page is timed for users and for unknown names,
 * interleaved, with a client that does not hide users from the API.
 */
describe('hosted pages by time', () => {
  it('/login: a wrong password for a user takes as long as any password for an unknown name', async () => {
    const users = {
      findForSignIn: jest.fn(async (_p: string, _c: unknown, name: string) =>
        name === 'ann' ? { user: ann, poolConfig: pool.config } : undefined,
      ),
    } as unknown as UsersRepository;
    const credentials = {
      burnTime: jest.fn(() => busy(2)),
      hasPassword: jest.fn(() => true),
      verify: jest.fn(async () => (busy(2), false)),
    } as unknown as PasswordCredentials;
    const triggers = { preAuthentication: jest.fn(async () => undefined) } as unknown as UserPoolTriggers;
    const passwords = new PasswordSignIn(
      users,
      credentials,
      {} as SignInCompletion,
      slowAttempts(),
      triggers,
      noMigrations,
      { record: jest.fn() } as unknown as AuthEventRecorder,
    );
    const page = new OAuthSignInUseCase(
      requests,
      passwords,
      {} as HostedSignIn,
      { refuseBlocked: jest.fn(async () => undefined) } as unknown as BlockedAddresses,
      {
        record: jest.fn(),
        within: (_c: unknown, work: () => unknown) => work(),
      } as unknown as AuthEventRecorder,
    );
    const login = (name: string) => page.execute({ ...base, Username: name, Password: 'Wrong-passw0rd' });
    const { first, second } = await interleavedTimings(
      PAIRS,
      async () => expect(await login('ann')).toMatchObject({ kind: 'login-failed' }),
      async (i) => expect(await login(`nobody-${i}`)).toMatchObject({ kind: 'login-failed' }),
    );
    expect(tellsApart(first, second)).toBe(false);
  });

  it('/forgotPassword: a user, one who may not reset, and an unknown name take as long', async () => {
    const users = {
      findByName: jest.fn(async (_p: string, _c: unknown, name: string) =>
        [ann, dora].find((u) => u.username === name),
      ),
    } as unknown as UsersRepository;
    const forgot = new ForgotPasswordUseCase(
      users,
      { requirePool: jest.fn(async () => pool) } as unknown as UserLookup,
      { forAuth: jest.fn(async () => auth) } as unknown as ClientsService,
      { enqueueIssued: jest.fn() } as unknown as BackgroundDelivery,
      slowAttempts(),
      { issueLater: jest.fn(() => async () => '123456') } as unknown as VerificationCodes,
      noMigrations,
      { recoveryMedia: jest.fn(async () => ({ sms: false, email: false })) } as unknown as UserMfaRepository,
      { record: jest.fn() } as unknown as AuthEventRecorder,
      { refuseBlocked: jest.fn(async () => undefined) } as unknown as BlockedAddresses,
    );
    const page = new OAuthForgotPasswordUseCase(requests, forgot);
    const ask = async (name: string) =>
      expect(await page.execute({ ...base, Username: name })).toMatchObject({ kind: 'reset' });
    for (const known of ['ann', 'dora']) {
      const { first, second } = await interleavedTimings(
        PAIRS,
        () => ask(known),
        (i) => ask(`nobody-${i}`),
      );
      expect({ known, tellsApart: tellsApart(first, second) }).toEqual({ known, tellsApart: false });
    }
  });

  it('/signup: a taken name takes as long as a new one', async () => {
    const signUp = {
      execute: jest.fn(async ({ Username }: { Username: string }) => {
        if (Username === 'taken') throw new ServiceError('UsernameExistsException', 'User already exists');
        // Storing the user, its code and event, and sending the code.
        await sleep(3 * STATEMENT_MS + Math.random() * STATEMENT_MS);
        return { UserSub: 'sub', UserConfirmed: false };
      }),
    } as unknown as SignUpUseCase;
    const page = new OAuthSignUpUseCase(requests, signUp, new AuthSessionSeal(Buffer.alloc(32, 7)));
    const meta = { requestId: 'r', caller: { kind: 'anonymous' } } as CommandMeta;
    const signUpAs = async (name: string) =>
      expect(
        await page.execute({ ...base, Username: name, Password: 'Long-enough1', Attributes: {} }, meta),
      ).toMatchObject({ kind: 'confirm', username: name });
    // The pool's sign-ups so far.
    for (let i = 0; i < 5; i++) await signUpAs(`earlier-${i}`);
    const { first, second } = await interleavedTimings(
      PAIRS,
      () => signUpAs('taken'),
      (i) => signUpAs(`new-${i}`),
    );
    expect(tellsApart(first, second)).toBe(false);
  });
});
