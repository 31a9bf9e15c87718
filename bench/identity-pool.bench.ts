import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import { LoadResult, runLoad } from './load';
import { Mode, RunningSystem, startDistributed, startEmbedded, startInfrastructure } from './system';

/**
 * Web identity federation's hot path through the gateway: GetId and GetCredentialsForIdentity
 * for user-pool users (the broker verifies the ID token, resolves the role, signs its OpenID token
 * and obtains credentials from credential vending over the bus), embedded and over Kafka.
 *
 *   npm run build && node dist/bench/identity-pool.bench.js [--distributed] [--seconds=S] [--concurrency=N]
 */
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const seconds = Number(args.get('seconds') ?? 15);
const concurrency = Number(args.get('concurrency') ?? 16);
const USERS = 32;
const PASSWORD = 'Bench-Federate-1!';
const log = (line: string) =>
  console.error(`[identity-pool bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Fixture {
  identityPoolId: string;
  getIdBodies: Buffer[];
  credentialBodies: Buffer[];
}

async function fixture(system: RunningSystem): Promise<Fixture> {
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: system.admin };
  const idp = new CognitoIdentityProviderClient(base);
  const identity = new CognitoIdentityClient(base);
  const iam = new IAMClient(base);
  try {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'bench-federation' }));
    const { UserPoolClient } = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'bench',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const providerName = `${new URL(system.endpoint).host}/${UserPool!.Id!}`;
    const pool = await identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'bench',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: providerName, ClientId: UserPoolClient!.ClientId! }],
      }),
    );
    const roleArn = await createIdentityPoolRole(
      iam,
      `bench-federated-${Date.now()}`,
      pool.IdentityPoolId!,
      'authenticated',
      ['cognito-sync:*'],
    );
    await identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: pool.IdentityPoolId!,
        Roles: { authenticated: roleArn },
      }),
    );
    const getIdBodies: Buffer[] = [];
    const credentialBodies: Buffer[] = [];
    for (let i = 0; i < USERS; i++) {
      const username = `federated-${i}`;
      await idp.send(
        new SignUpCommand({ ClientId: UserPoolClient!.ClientId!, Username: username, Password: PASSWORD }),
      );
      await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: UserPool!.Id!, Username: username }));
      const signIn = await idp.send(
        new InitiateAuthCommand({
          ClientId: UserPoolClient!.ClientId!,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD },
        }),
      );
      const Logins = { [providerName]: signIn.AuthenticationResult!.IdToken! };
      const { IdentityId } = await identity.send(
        new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId!, Logins }),
      );
      getIdBodies.push(Buffer.from(JSON.stringify({ IdentityPoolId: pool.IdentityPoolId, Logins })));
      credentialBodies.push(Buffer.from(JSON.stringify({ IdentityId, Logins })));
    }
    return { identityPoolId: pool.IdentityPoolId!, getIdBodies, credentialBodies };
  } finally {
    for (const client of [idp, identity, iam]) client.destroy();
  }
}

async function measure(mode: Mode, system: RunningSystem): Promise<Record<string, LoadResult>> {
  log(`${mode}: creating ${USERS} federated users`);
  const f = await fixture(system);
  const results: Record<string, LoadResult> = {};
  for (const [name, target, bodies, accept] of [
    ['GetId', 'AWSCognitoIdentityService.GetId', f.getIdBodies, '"IdentityId"'],
    [
      'GetCredentialsForIdentity',
      'AWSCognitoIdentityService.GetCredentialsForIdentity',
      f.credentialBodies,
      '"SessionToken"',
    ],
  ] as const) {
    log(`${mode}: ${name} at concurrency ${concurrency}, 5 s warm-up + ${seconds} s`);
    results[name] = await runLoad({
      endpoint: system.endpoint,
      target,
      bodies: [...bodies],
      concurrency,
      warmupMs: 5_000,
      durationMs: seconds * 1000,
      accept: (reply) => reply.body.includes(accept),
      abort: () => system.deadApp() !== undefined,
    });
  }
  return results;
}

function print(mode: Mode, results: Record<string, LoadResult>): void {
  for (const [name, r] of Object.entries(results)) {
    const errors = Object.entries(r.errors)
      .map(([k, n]) => `${k} x${n}`)
      .join(', ');
    console.log(
      `${mode.padEnd(11)} ${name.padEnd(26)} ${r.opsPerS.toFixed(1).padStart(8)} /s  p50 ${r.p50Ms.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms  ok ${r.ok}  errors ${errors || 0}`,
    );
  }
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-bench-identity-'));
  chmodSync(workDir, 0o755);
  const modes: Mode[] = args.has('distributed') ? ['embedded', 'distributed'] : ['embedded'];
  const all: [Mode, Record<string, LoadResult>][] = [];
  try {
    for (const mode of modes) {
      const dir = join(workDir, mode);
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, 0o755);
      const infra = mode === 'distributed' ? await startInfrastructure(dir, log) : undefined;
      const system =
        mode === 'embedded'
          ? await startEmbedded({ workDir: dir, nodeArgs: [] })
          : await startDistributed({ workDir: dir, nodeArgs: [] }, infra!);
      try {
        all.push([mode, await measure(mode, system)]);
      } finally {
        await system.stop();
        await infra?.stop();
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  console.log(
    `\nidentity pools, concurrency ${concurrency}, ${seconds} s measured per phase, ${USERS} users`,
  );
  for (const [mode, results] of all) print(mode, results);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
