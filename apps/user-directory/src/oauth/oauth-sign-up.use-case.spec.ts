import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { ClientForAuth } from '../clients/clients.service';
import { AnswerTiming } from '../common/answer-timing';
import { SignUpProgress, SignUpUseCase } from '../users/sign-up.use-case';
import { AuthorizeRequest, AuthorizeRequests } from './authorize-request';
import { OAuthSignUpUseCase } from './oauth-sign-up.use-case';

const POOL = 'us-east-1_AbCdEf123';
const auth = {
  client: { id: 'client-1', name: 'app', poolId: POOL, config: {} },
  pool: { id: POOL, name: 'pool', config: { schema: [], autoVerifiedAttributes: [] } },
} as unknown as ClientForAuth;
const request: AuthorizeRequest = { responseType: 'code', redirectUri: 'https://app/cb', scopes: ['openid'] };
const requests = {
  check: jest.fn(async () => Promise.resolve({ ok: true as const, auth, request })),
} as unknown as AuthorizeRequests;
const meta = { requestId: 'r', caller: { kind: 'anonymous' } } as CommandMeta;
const form = { UserPoolId: POOL, Params: {}, Password: 'Long-enough1', Attributes: {} };

/**
 * The page's clock is a counter that a sign-up's steps advance by what they cost. Shared: the
 * checks, PreSignUp, the password's derivation (`hashMs`, which load makes vary) and the insert;
 * then a new name stores its event and code and sends the code (`STORE_MS`), a taken name rolls
 * back (`FAILED_MS`).
 */
const STORE_MS = 20;
const FAILED_MS = 2;

function clockedPage() {
  let now = 0;
  let hashMs = 0;
  const slept: number[] = [];
  const timing = new AnswerTiming(
    () => now,
    async (ms) => {
      slept.push(ms);
      now += ms;
    },
    async () => {
      now += 0.25;
    },
  );
  const signUp = {
    execute: jest.fn(async (req: { Username: string }, _meta: CommandMeta, progress?: SignUpProgress) => {
      now += hashMs;
      progress?.parted?.();
      if (req.Username === 'taken') {
        now += FAILED_MS;
        throw new ServiceError('UsernameExistsException', 'User already exists');
      }
      now += STORE_MS;
      return { UserSub: 'sub', UserConfirmed: false };
    }),
  } as unknown as SignUpUseCase;
  const page = new OAuthSignUpUseCase(requests, signUp, new AuthSessionSeal(Buffer.alloc(32, 7)), timing);
  /** How long the page took to answer `username`, whose password took `hashMs` to derive. */
  const answer = async (username: string, hashTook: number) => {
    hashMs = hashTook;
    const startedAt = now;
    const outcome = await page.execute({ ...form, Username: username }, meta);
    expect(outcome).toMatchObject({ kind: 'confirm', username });
    return now - startedAt;
  };
  return { answer, slept };
}

describe("OAuthSignUpUseCase: a taken name's time (ADR 0037, 0077)", () => {
  it('pads a taken name from where the paths part, by what a new name does after it', async () => {
    const { answer, slept } = clockedPage();
    // A new name's sign-up: its password took 30 ms, storing and sending 20 ms.
    expect(await answer('new-1', 30)).toBe(30 + STORE_MS);
    // A taken name whose password took 40 ms (a busier moment) answers when a new name would
    // have: 40 + 20. Padded from the request's start by the whole recorded sign-up (50 ms), it
    // would answer at max(40 + 2, 50) = 50 ms: the longer of its own hash and a drawn sign-up,
    // which on average is later than the sign-ups it stands in for.
    expect(await answer('taken', 40)).toBe(40 + STORE_MS);
    // The timer was asked for the remainder after the rollback, less the timer's slack.
    expect(slept).toEqual([STORE_MS - FAILED_MS - 1.5]);
  });

  it('records only what follows the split, whatever the password cost', async () => {
    const { answer } = clockedPage();
    expect(await answer('new-1', 200)).toBe(200 + STORE_MS);
    // A quick hash afterwards: the recorded 20 ms follow it, not 220.
    expect(await answer('taken', 5)).toBe(5 + STORE_MS);
  });

  it("pads nothing before the pool's first sign-up", async () => {
    const { answer, slept } = clockedPage();
    expect(await answer('taken', 30)).toBe(30 + FAILED_MS);
    expect(slept).toEqual([]);
  });
});
