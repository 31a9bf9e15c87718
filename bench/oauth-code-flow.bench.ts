import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { machineDescription } from './cpu';
import { startEmbeddedBench } from './embedded-idfed';

/**
 * The OAuth 2.0 authorization-code flow (issue 10) through the hosted pages, as a browser and an
 * app do it over HTTP: `/oauth2/authorize` (PKCE S256) redirected to `/login`, the sign-in page
 * (its CSRF cookie and field), the form posted with the password (argon2id verify), the code
 * redeemed at `/oauth2/token` with the verifier. Next to it, the same flow by single sign-on (the
 * hosted session cookie: authorize answers the code at once, then the token endpoint), and the
 * API's `InitiateAuth` `USER_PASSWORD_AUTH` (one request) for scale. One flow at a time, the kinds
 * interleaved in random order so a shared machine's drift hits all alike; then the password flow
 * with several in flight, for its throughput.
 *
 *   npm run bench -- --oauth-code [--rounds=N] [--concurrency=N] [--flows=N] [--json=PATH] [--keep]
 */

const PASSWORD = 'Bench-OAuth-Passw0rd!';
const WARMUP = 10;
const REDIRECT_URI = 'http://localhost:3999/callback';

export interface OAuthCodeFlowResult {
  kind: string;
  requests: number;
  medianMs: number;
  p95Ms: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** A browser's cookies for one host, as far as the hosted pages go. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(pair.slice(0, eq).trim());
      else this.cookies.set(pair.slice(0, eq).trim(), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** A GET or form POST as a browser sends it, not following the redirect. */
async function browse(
  jar: Jar,
  url: string,
  form?: Record<string, string>,
): Promise<{ status: number; location?: string; html: string }> {
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(jar.cookies.size ? { cookie: jar.header() } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  jar.take(res);
  const location = res.headers.get('location') ?? undefined;
  return {
    status: res.status,
    location: location && new URL(location, url).toString(),
    html: await res.text(),
  };
}

export async function runOAuthCodeFlowBench(argv: string[]): Promise<OAuthCodeFlowResult[]> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const rounds = Number(args.get('rounds') ?? 100);
  const machine = machineDescription();
  const concurrency = Number(args.get('concurrency') ?? 2 * machine.cores);
  const flows = Number(args.get('flows') ?? 200);
  const log = (line: string) =>
    console.error(`[oauth-code ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const bench = await startEmbeddedBench('oauth', log, { healthTimeoutMs: 120_000, keep: args.has('keep') });
  const { endpoint, sdk } = bench;
  try {
    const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: `bench-oauth-${Date.now()}` }));
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'bench',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [REDIRECT_URI],
        SupportedIdentityProviders: ['COGNITO'],
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'bench',
        MessageAction: 'SUPPRESS',
        TemporaryPassword: PASSWORD,
      }),
    );
    await sdk.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'bench',
        Password: PASSWORD,
        Permanent: true,
      }),
    );
    const issuer = `${endpoint}/${poolId}`;

    /** The authorization URL of one flow, and its PKCE verifier. */
    const authorization = () => {
      const verifier = randomBytes(32).toString('base64url');
      const url = new URL(`${issuer}/oauth2/authorize`);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: REDIRECT_URI,
        scope: 'openid email',
        state: randomBytes(8).toString('hex'),
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      return { url: url.toString(), verifier };
    };

    /** The code of the app's callback, redeemed at the token endpoint. */
    const redeem = async (callback: string | undefined, verifier: string) => {
      const code = callback && new URL(callback).searchParams.get('code');
      if (!code) throw new Error(`no code in ${callback}`);
      const res = await fetch(`${issuer}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: clientId,
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: verifier,
        }).toString(),
      });
      const body = (await res.json()) as { id_token?: string };
      if (res.status !== 200 || !body.id_token) throw new Error(`token endpoint answered ${res.status}`);
    };

    /** authorize -> /login -> POST /login -> token; answers the browser's jar (its hosted session). */
    const passwordFlow = async (): Promise<Jar> => {
      const jar = new Jar();
      const { url, verifier } = authorization();
      const first = await browse(jar, url);
      if (first.status !== 302 || !first.location?.includes('/login?'))
        throw new Error(`authorize answered ${first.status}`);
      const page = await browse(jar, first.location);
      const action = /<form[^>]*action="([^"]*)"/.exec(page.html)?.[1];
      const fields: Record<string, string> = {};
      for (const m of page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
        fields[m[1]] = m[2].replace(/&#(\d+);/g, (_x, c: string) => String.fromCharCode(Number(c)));
      if (!action) throw new Error('no form on the sign-in page');
      const target = new URL(
        action.replace(/&#(\d+);/g, (_x, c: string) => String.fromCharCode(Number(c))),
        first.location,
      );
      const posted = await browse(jar, target.toString(), {
        ...fields,
        username: 'bench',
        password: PASSWORD,
      });
      if (posted.status !== 302) throw new Error(`sign-in answered ${posted.status}`);
      await redeem(posted.location, verifier);
      return jar;
    };

    const ssoJar = await passwordFlow();
    const kinds = {
      password: passwordFlow,
      sso: async () => {
        const { url, verifier } = authorization();
        const answer = await browse(ssoJar, url);
        if (answer.status !== 302) throw new Error(`authorize answered ${answer.status}`);
        await redeem(answer.location, verifier);
      },
      api: async () => {
        const done = await sdk.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'bench', PASSWORD },
          }),
        );
        if (!done.AuthenticationResult) throw new Error('InitiateAuth gave no tokens');
      },
    };
    type Kind = keyof typeof kinds;
    const samples: Record<Kind, number[]> = { password: [], sso: [], api: [] };
    log(`${WARMUP} warm-up rounds, then ${rounds} rounds of each kind, interleaved`);
    for (let i = 0; i < WARMUP + rounds; i++) {
      const order = (Object.keys(kinds) as Kind[]).sort(() => Math.random() - 0.5);
      for (const kind of order) {
        const start = process.hrtime.bigint();
        await kinds[kind]();
        if (i >= WARMUP) samples[kind].push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
    log(`${flows} password flows, ${concurrency} in flight`);
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < flows) await passwordFlow();
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const throughput = flows / seconds;

    const results: OAuthCodeFlowResult[] = (
      [
        ['password', 'code flow with the password: authorize, /login, POST /login, token', 4],
        ['sso', 'code flow by single sign-on: authorize (hosted session), token', 2],
        ['api', 'InitiateAuth USER_PASSWORD_AUTH (API, for scale)', 1],
      ] as const
    ).map(([key, kind, requests]) => ({
      kind,
      requests,
      medianMs: quantile(samples[key], 0.5),
      p95Ms: quantile(samples[key], 0.95),
    }));
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      [
        `OAuth authorization-code flow, embedded mode, one at a time, ${rounds} rounds each`,
        'flow | requests | median ms | p95 ms',
        ...results.map((r) => [r.kind, r.requests, fmt(r.medianMs), fmt(r.p95Ms)].join(' | ')),
        `password code flows with ${concurrency} in flight: ${flows} in ${seconds.toFixed(1)} s = ${throughput.toFixed(1)} flows/s`,
        `machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${new Date().toISOString()}`,
      ].join('\n'),
    );
    const jsonPath = args.get('json');
    if (jsonPath)
      writeFileSync(
        jsonPath,
        JSON.stringify({ rounds, machine, results, concurrency, flows, seconds, throughput }, null, 2),
      );
    return results;
  } finally {
    await bench.stop(args.has('keep'));
  }
}
