import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { machineDescription } from './cpu';
import { checkoutRoot, EmbeddedBench, startEmbeddedBench } from './embedded-idfed';

/**
 * Sign-in through an identity provider (issue 10, ADR 0024 / 0061), as a browser and an app do it
 * over HTTP: idfed's `/oauth2/authorize?identity_provider=Google` redirected to the provider, the
 * provider's sign-in page and form (oidc-provider, the e2e suite's stand-in, its own process on
 * this machine), its redirects back to idfed's `/oauth2/idpresponse` (idfed exchanges the code,
 * checks the ID token, maps the attributes, makes or updates the user, opens a hosted session),
 * idfed's redirect to the app with a code, redeemed at `/oauth2/token` with the PKCE verifier. Two
 * pools: one mapping the ID token's claims only, one mapping People API fields (one more call,
 * to the stand-in's People API, whose token check is one more call to the provider's userinfo).
 * Each flow is a new browser (no session at idfed or the provider) for a returning user; the kinds
 * interleaved in random order. The provider's own time is inside the figures.
 *
 *   npm run bench -- --provider-flow [--rounds=N] [--users=N] [--json=PATH] [--keep]
 */

const WARMUP = 5;
const REDIRECT_URI = 'http://localhost:3999/callback';

export interface ProviderFlowResult {
  kind: string;
  requests: number;
  medianMs: number;
  p95Ms: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** One browser's cookies per host:port. */
class Jar {
  private readonly hosts = new Map<string, Map<string, string>>();
  take(url: string, res: Response): void {
    const host = new URL(url).host;
    const cookies = this.hosts.get(host) ?? new Map<string, string>();
    this.hosts.set(host, cookies);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || value === '') cookies.delete(pair.slice(0, eq).trim());
      else cookies.set(pair.slice(0, eq).trim(), value);
    }
  }
  header(url: string): string | undefined {
    const cookies = this.hosts.get(new URL(url).host);
    return cookies?.size ? [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }
}

async function browse(
  jar: Jar,
  url: string,
  form?: Record<string, string>,
): Promise<{ status: number; location?: string; html: string }> {
  const cookie = jar.header(url);
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  jar.take(url, res);
  const location = res.headers.get('location') ?? undefined;
  return {
    status: res.status,
    location: location && new URL(location, url).toString(),
    html: await res.text(),
  };
}

const unescapeHtml = (text: string) =>
  text.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c))).replace(/&amp;/g, '&');

interface Idp {
  issuer: string;
  peopleApiUrl: string;
  child: ChildProcess;
}

/** The e2e suite's provider stand-ins (oidc-provider), from the source tree (an ESM script). */
async function startIdp(root: string): Promise<Idp> {
  const child = spawn(process.execPath, [join(root, 'e2e', 'support', 'test-idp.server.mjs')], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = await new Promise<string>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the stand-in provider exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', ok);
  });
  const started = JSON.parse(line) as { issuer: string; peopleApiUrl: string };
  return { ...started, child };
}

export async function runProviderFlowBench(argv: string[]): Promise<ProviderFlowResult[]> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const rounds = Number(args.get('rounds') ?? 60);
  const userCount = Number(args.get('users') ?? 10);
  const machine = machineDescription();
  const root = checkoutRoot();
  const log = (line: string) =>
    console.error(`[provider-flow ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const idp = await startIdp(root);
  let bench: EmbeddedBench;
  try {
    bench = await startEmbeddedBench('provider', log, {
      root,
      healthTimeoutMs: 120_000,
      keep: args.has('keep'),
      env: {
        IDFED_GOOGLE_ISSUER: idp.issuer,
        IDFED_GOOGLE_API_URL: idp.issuer,
        IDFED_GOOGLE_PEOPLE_API_URL: idp.peopleApiUrl,
      },
    });
  } catch (err) {
    idp.child.kill('SIGTERM');
    throw err;
  }
  const { endpoint, sdk } = bench;
  try {
    /** A pool with Google (the stand-in) mapping `mapping`, and an app client using it. */
    const pool = async (mapping: Record<string, string>) => {
      const { UserPool } = await sdk.send(
        new CreateUserPoolCommand({ PoolName: `bench-provider-${Date.now()}` }),
      );
      const poolId = UserPool!.Id!;
      const reg = await fetch(`${idp.issuer}/reg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          redirect_uris: [`${endpoint}/${poolId}/oauth2/idpresponse`],
          token_endpoint_auth_method: 'client_secret_post',
          grant_types: ['authorization_code'],
          response_types: ['code'],
        }),
      });
      const registered = (await reg.json()) as { client_id: string; client_secret: string };
      await sdk.send(
        new CreateIdentityProviderCommand({
          UserPoolId: poolId,
          ProviderName: 'Google',
          ProviderType: 'Google',
          ProviderDetails: {
            client_id: registered.client_id,
            client_secret: registered.client_secret,
            authorize_scopes: 'openid email profile',
          },
          AttributeMapping: mapping,
        }),
      );
      const { UserPoolClient } = await sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'bench',
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid', 'email', 'profile'],
          CallbackURLs: [REDIRECT_URI],
          SupportedIdentityProviders: ['Google'],
        }),
      );
      return { issuer: `${endpoint}/${poolId}`, clientId: UserPoolClient!.ClientId! };
    };

    /** One sign-in through the provider in a new browser; answers the number of HTTP requests. */
    const flow = async (target: { issuer: string; clientId: string }, login: string): Promise<number> => {
      const jar = new Jar();
      const verifier = randomBytes(32).toString('base64url');
      const authorize = new URL(`${target.issuer}/oauth2/authorize`);
      authorize.search = new URLSearchParams({
        response_type: 'code',
        client_id: target.clientId,
        redirect_uri: REDIRECT_URI,
        scope: 'openid email profile',
        state: randomBytes(8).toString('hex'),
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        identity_provider: 'Google',
      }).toString();
      let url = authorize.toString();
      let requests = 0;
      for (let hop = 0; hop < 12; hop++) {
        if (url.startsWith(REDIRECT_URI)) break;
        const step = await browse(jar, url);
        requests++;
        if (step.status === 200 && step.html.includes('name="login"')) {
          const action = /<form[^>]*action="([^"]*)"/.exec(step.html)![1];
          const posted = await browse(jar, new URL(unescapeHtml(action), url).toString(), { login });
          requests++;
          if (!posted.location) throw new Error(`the provider's form answered ${posted.status}`);
          url = posted.location;
        } else if (step.location) {
          url = step.location;
        } else {
          throw new Error(`${url} answered ${step.status}: ${step.html.slice(0, 200)}`);
        }
      }
      const code = new URL(url).searchParams.get('code');
      if (!code) throw new Error(`no code: ${url}`);
      const res = await fetch(`${target.issuer}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: target.clientId,
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: verifier,
        }).toString(),
      });
      const body = (await res.json()) as { id_token?: string };
      if (res.status !== 200 || !body.id_token) throw new Error(`token endpoint answered ${res.status}`);
      return requests + 1;
    };

    const pools = {
      idToken: await pool({ email: 'email', name: 'name' }),
      people: await pool({
        email: 'email',
        name: 'names',
        phone_number: 'phoneNumbers',
        birthdate: 'birthdays',
      }),
    };
    type Kind = keyof typeof pools;
    const users = Array.from({ length: userCount }, (_, i) => `bench-user-${i}`);
    const samples: Record<Kind, number[]> = { idToken: [], people: [] };
    const requests: Record<Kind, number> = { idToken: 0, people: 0 };
    const loadBefore = loadavg();
    log(`${WARMUP} warm-up rounds (the users made), then ${rounds} rounds of each kind, interleaved`);
    for (let i = 0; i < WARMUP + rounds; i++) {
      const order = (Object.keys(pools) as Kind[]).sort(() => Math.random() - 0.5);
      for (const kind of order) {
        const start = process.hrtime.bigint();
        requests[kind] = await flow(pools[kind], users[i % users.length]);
        if (i >= WARMUP) samples[kind].push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
    const loadAfter = loadavg();
    const results: ProviderFlowResult[] = (
      [
        ['idToken', 'Google stand-in, ID token claims mapped'],
        ['people', 'Google stand-in, People API fields mapped'],
      ] as const
    ).map(([key, kind]) => ({
      kind,
      requests: requests[key],
      medianMs: quantile(samples[key], 0.5),
      p95Ms: quantile(samples[key], 0.95),
    }));
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      [
        `Sign-in through a provider (authorize -> provider sign-in -> idpresponse -> code -> token), embedded mode, one at a time, ${rounds} rounds each, returning users`,
        'flow | browser + app requests | median ms | p95 ms',
        ...results.map((r) => [r.kind, r.requests, fmt(r.medianMs), fmt(r.p95Ms)].join(' | ')),
        `load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
        `machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${new Date().toISOString()}`,
      ].join('\n'),
    );
    const jsonPath = args.get('json');
    if (jsonPath)
      writeFileSync(jsonPath, JSON.stringify({ rounds, machine, results, loadBefore, loadAfter }, null, 2));
    return results;
  } finally {
    await bench.stop(args.has('keep'));
    idp.child.kill('SIGTERM');
  }
}
