import { writeFileSync } from 'node:fs';
import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { machineDescription } from './cpu';
import { startEmbeddedBench } from './embedded-idfed';
import {
  interleavedRounds,
  loadAverage,
  printSignInTable,
  SignInKindResult,
  signInResult,
} from './embedded-sign-in';

/**
 * A sign-in with a software token (TOTP) next to a plain password sign-in (issue 11), embedded
 * mode, one sign-in at a time, the two kinds interleaved in random order so a shared machine's
 * drift hits both alike. Plain: USER_PASSWORD_AUTH of a user without MFA (one request). TOTP:
 * USER_PASSWORD_AUTH then SOFTWARE_TOKEN_MFA with a code computed by otpauth (two requests); each
 * TOTP user signs in once (a code is accepted once per user), so `--rounds` users are prepared.
 * Besides the wall time, the CPU idfed's processes used per sign-in, read from /proc around each
 * one, and the machine's load average at the start and the end (a shared machine).
 *
 *   npm run bench -- --totp-sign-in [--rounds=N] [--json=PATH] [--keep]
 */

const PASSWORD = 'Bench-Totp-Passw0rd!';
const WARMUP = 5;

export type TotpSignInResult = SignInKindResult;

export async function runTotpSignInBench(argv: string[]): Promise<TotpSignInResult[]> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const rounds = Number(args.get('rounds') ?? 100);
  const log = (line: string) =>
    console.error(`[totp-sign-in ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const bench = await startEmbeddedBench('totp', log);
  const { sdk } = bench;
  try {
    const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: `bench-totp-${Date.now()}` }));
    const UserPoolId = UserPool!.Id!;
    await sdk.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const ClientId = (
      await sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: 'bench',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      )
    ).UserPoolClient!.ClientId!;
    const passwordSignIn = (Username: string) =>
      sdk.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: Username, PASSWORD },
        }),
      );
    async function user(Username: string): Promise<void> {
      await sdk.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username,
          MessageAction: 'SUPPRESS',
          TemporaryPassword: PASSWORD,
        }),
      );
      await sdk.send(
        new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: PASSWORD, Permanent: true }),
      );
    }
    await user('plain');
    const totpUsers: { name: string; secret: string }[] = [];
    log(`preparing ${WARMUP + rounds} users with a software token`);
    for (let i = 0; i < WARMUP + rounds; i++) {
      const name = `totp-${i}`;
      await user(name);
      const AccessToken = (await passwordSignIn(name)).AuthenticationResult!.AccessToken!;
      const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }));
      const code = new TOTP({ secret: Secret.fromBase32(SecretCode!) }).generate();
      await sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: code }));
      await sdk.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId,
          Username: name,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      );
      totpUsers.push({ name, secret: SecretCode! });
    }

    let next = 0;
    const kinds = {
      plain: async () => {
        const done = await passwordSignIn('plain');
        if (!done.AuthenticationResult) throw new Error('plain sign-in gave no tokens');
      },
      totp: async () => {
        const u = totpUsers[next++];
        const challenged = await passwordSignIn(u.name);
        if (challenged.ChallengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('no SOFTWARE_TOKEN_MFA');
        // The next step's code: inside the one-step window, and after the step VerifySoftwareToken used.
        const code = new TOTP({ secret: Secret.fromBase32(u.secret) }).generate({
          timestamp: Date.now() + 30_000,
        });
        const done = await sdk.send(
          new RespondToAuthChallengeCommand({
            ClientId,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: challenged.Session,
            ChallengeResponses: { USERNAME: u.name, SOFTWARE_TOKEN_MFA_CODE: code },
          }),
        );
        if (!done.AuthenticationResult) throw new Error('TOTP sign-in gave no tokens');
      },
    };
    const loadBefore = loadAverage();
    log(`${WARMUP} warm-up rounds, then ${rounds} rounds of each kind, interleaved; load ${loadBefore}`);
    const samples = await interleavedRounds(kinds, WARMUP, rounds, bench.idfedCpuMs);
    const loadAfter = loadAverage();
    const results: TotpSignInResult[] = [
      signInResult('USER_PASSWORD_AUTH, no MFA', 1, samples.plain),
      signInResult('USER_PASSWORD_AUTH + SOFTWARE_TOKEN_MFA', 2, samples.totp),
    ];
    const machine = machineDescription();
    printSignInTable(
      `TOTP sign-in next to plain, embedded mode, one at a time, ${rounds} rounds each`,
      results,
      loadBefore,
      loadAfter,
    );
    const jsonPath = args.get('json');
    if (jsonPath)
      writeFileSync(jsonPath, JSON.stringify({ rounds, machine, loadBefore, loadAfter, results }, null, 2));
    return results;
  } finally {
    await bench.stop(args.has('keep'));
  }
}
