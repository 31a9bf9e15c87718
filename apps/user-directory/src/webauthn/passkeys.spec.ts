import { randomBytes } from 'node:crypto';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { AuthSessionUsesRepository } from '../auth/auth-session-uses.repository';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { aPool, aUser, outcome } from '../../test/support/users-doubles';
import { CreationOptions, SoftwareAuthenticator } from '../../test/support/software-authenticator';
import { Passkeys } from './passkeys';
import { WebAuthnCredentialRow, WebAuthnCredentialsRepository } from './webauthn-credentials.repository';

const ann = aUser();
const bob = aUser({ sub: '6f1c2b3a-0000-4000-8000-000000000002', username: 'bob', usernameKey: 'bob' });
const RP = 'auth.example.com';

/** The real Passkeys, seal and @simplewebauthn/server over in-memory repositories. */
function setUp(
  webAuthn: { RelyingPartyId?: string } | null = { RelyingPartyId: RP },
  factors = ['PASSWORD', 'WEB_AUTHN'],
) {
  const pool = aPool({
    signInPolicy: { AllowedFirstAuthFactors: factors as never },
    mfa: { softwareToken: false, ...(webAuthn ? { webAuthn } : {}) },
  });
  const rows: WebAuthnCredentialRow[] = [];
  const used = new Set<string>();
  const credentials = {
    insert: jest.fn(async (c: Omit<WebAuthnCredentialRow, 'createdAt'>, at: Date) => {
      if (rows.some((r) => r.credentialId === c.credentialId)) return 'exists';
      rows.push({ ...c, createdAt: at });
      return 'created';
    }),
    idsOf: jest.fn(async (sub: string) => rows.filter((r) => r.userSub === sub)),
    listOf: jest.fn(async (sub: string) => rows.filter((r) => r.userSub === sub)),
    find: jest.fn(async (sub: string, id: string) =>
      rows.find((r) => r.userSub === sub && r.credentialId === id),
    ),
    advanceCounter: jest.fn(async (id: string, from: number, to: number) => {
      const row = rows.find((r) => r.credentialId === id && r.signCount === from);
      if (row) row.signCount = to;
      return !!row;
    }),
    delete: jest.fn(async (sub: string, id: string) => {
      const i = rows.findIndex((r) => r.userSub === sub && r.credentialId === id);
      return i >= 0 && !!rows.splice(i, 1);
    }),
  };
  const uses = { useOnce: jest.fn(async (id: string) => !used.has(id) && !!used.add(id)) };
  const passkeys = new Passkeys(
    { find: jest.fn(async () => pool) } as unknown as UserPoolsRepository,
    credentials as unknown as WebAuthnCredentialsRepository,
    new AuthSessionSeal(randomBytes(32)),
    uses as unknown as AuthSessionUsesRepository,
  );
  return { passkeys, rows, pool };
}

const start = async (p: Passkeys, user = ann) =>
  (await p.startRegistration(user)) as unknown as CreationOptions;

describe('Passkeys registration', () => {
  it("offers the pool's relying party and stores the verified credential with its key and counter", async () => {
    const t = setUp();
    const options = await start(t.passkeys);
    expect(options.rp.id).toBe(RP);
    const authenticator = new SoftwareAuthenticator(`https://app.${RP}`);
    await t.passkeys.completeRegistration(ann, authenticator.create(options));
    expect(t.rows).toEqual([
      expect.objectContaining({
        credentialId: authenticator.id,
        userSub: ann.sub,
        signCount: 0,
        relyingPartyId: RP,
        transports: ['internal'],
        attachment: 'platform',
      }),
    ]);
    expect((await t.passkeys.list(ann)).Credentials.map((c) => c.CredentialId)).toEqual([authenticator.id]);
    expect((await t.passkeys.list(bob)).Credentials).toEqual([]);
  });

  it('answers a challenge once: a replayed registration is refused', async () => {
    const t = setUp();
    const options = await start(t.passkeys);
    const answer = new SoftwareAuthenticator(`https://${RP}`).create(options);
    await t.passkeys.completeRegistration(ann, answer);
    expect(await outcome(t.passkeys.completeRegistration(ann, answer))).toBe(
      'WebAuthnChallengeNotFoundException',
    );
  });

  it("refuses another user's challenge, a made-up one, another origin and another relying party", async () => {
    const t = setUp();
    const options = await start(t.passkeys);
    const good = new SoftwareAuthenticator(`https://${RP}`);
    expect(await outcome(t.passkeys.completeRegistration(bob, good.create(options)))).toBe(
      'WebAuthnChallengeNotFoundException',
    );
    expect(
      await outcome(t.passkeys.completeRegistration(ann, good.create(options, { challenge: 'bWFkZS11cA' }))),
    ).toBe('WebAuthnChallengeNotFoundException');
    expect(
      await outcome(
        t.passkeys.completeRegistration(
          ann,
          new SoftwareAuthenticator('https://evil.example').create(options),
        ),
      ),
    ).toBe('WebAuthnOriginNotAllowedException');
    expect(
      await outcome(
        t.passkeys.completeRegistration(ann, good.create(await start(t.passkeys), { rpId: 'evil.example' })),
      ),
    ).toBe('WebAuthnRelyingPartyMismatchException');
    expect(t.rows).toEqual([]);
  });

  it('needs WEB_AUTHN among the first factors and a relying party', async () => {
    expect(await outcome(setUp(null).passkeys.startRegistration(ann))).toBe(
      'WebAuthnConfigurationMissingException',
    );
    expect(await outcome(setUp({ RelyingPartyId: RP }, ['PASSWORD']).passkeys.startRegistration(ann))).toBe(
      'WebAuthnNotEnabledException',
    );
  });

  it("deletes the user's own credential only", async () => {
    const t = setUp();
    const authenticator = new SoftwareAuthenticator(`https://${RP}`);
    await t.passkeys.completeRegistration(ann, authenticator.create(await start(t.passkeys)));
    expect(await outcome(t.passkeys.delete(bob, authenticator.id))).toBe('ResourceNotFoundException');
    await t.passkeys.delete(ann, authenticator.id);
    expect(t.rows).toEqual([]);
  });
});

describe('Passkeys sign-in assertions', () => {
  it("accepts the user's own passkey once per counter value, for the challenge it signed", async () => {
    const t = setUp();
    const authenticator = new SoftwareAuthenticator(`https://${RP}`);
    await t.passkeys.completeRegistration(ann, authenticator.create(await start(t.passkeys)));
    const { challenge, options } = await t.passkeys.requestOptions(t.pool);
    const assertion = authenticator.get(options);
    expect(await t.passkeys.verifyAssertion(t.pool, ann, challenge, assertion)).toBe(true);
    expect(t.rows[0].signCount).toBe(1);
    // Replayed (the counter did not move), for another challenge, by another user.
    expect(await t.passkeys.verifyAssertion(t.pool, ann, challenge, assertion)).toBe(false);
    const next = await t.passkeys.requestOptions(t.pool);
    expect(await t.passkeys.verifyAssertion(t.pool, ann, next.challenge, authenticator.get(options))).toBe(
      false,
    );
    expect(
      await t.passkeys.verifyAssertion(t.pool, bob, next.challenge, authenticator.get(next.options)),
    ).toBe(false);
    expect(await t.passkeys.verifyAssertion(t.pool, ann, next.challenge, 'not json')).toBe(false);
    expect(
      await t.passkeys.verifyAssertion(t.pool, ann, next.challenge, authenticator.get(next.options)),
    ).toBe(true);
  });
});
