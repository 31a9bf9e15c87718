import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { compareTimings, TimingComparison } from '../libs/testing/src/timing-statistics';
import { machineDescription } from './cpu';
import { checkoutRoot, startEmbeddedBench } from './embedded-idfed';

/**
 * Can a stranger tell from the hosted pages' timing whether a name has an account (ADR 0037,
 * 0060)? Against a real idfed (the embedded process: its HTTP gateway, the user directory, its
 * PostgreSQL), as a browser does it: the page fetched (its CSRF cookie and field), then the form
 * posted, only the POST timed. For each page, a known name and an unknown one, interleaved pair by
 * pair in random order; the two samples compared with Mann–Whitney U and Welch's t, with their
 * distributions (quantiles), and the answers' content compared with the names taken out.
 *
 *   npm run bench -- --hosted-pages-timing [--pairs=N] [--pages=login,signup,forgotPassword]
 *     [--root=DIR] [--json=PATH] [--keep]
 *
 * - `/login` with a wrong password: a user's name vs a name no one has;
 * - `/signup`: a taken name vs a new one (each new name signs up a user);
 * - `/forgotPassword`: a user's name (a code is sent) vs a name no one has.
 */

const PASSWORD = 'Bench-Pages-Passw0rd!';
const WRONG_PASSWORD = 'Wrong-Pages-Passw0rd!';
const REDIRECT_URI = 'http://localhost:3999/callback';
const NAMES = 8;
const WARMUP_PAIRS = 10;
const ALPHA = 0.01;

export interface HostedPageTiming {
  page: string;
  comparison: TimingComparison;
  known: Quantiles;
  unknown: Quantiles;
  contentDifference?: string;
  /** Every timed POST in the order sent: which name, how long, and what kind of POST came before it. */
  samples: { kind: 'known' | 'unknown'; ms: number; after?: 'known' | 'unknown' }[];
}

interface Quantiles {
  p10: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

const quantiles = (xs: number[]): Quantiles => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return {
    p10: q(0.1),
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
};

/** A browser's cookies for one host. */
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

const unescapeHtml = (t: string) => t.replace(/&#(\d+);/g, (_x, c: string) => String.fromCharCode(Number(c)));

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
  return { status: res.status, location: res.headers.get('location') ?? undefined, html: await res.text() };
}

/** The one form of a page: where it posts, and its hidden fields (the CSRF token). */
function formOf(html: string, pageUrl: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]] = unescapeHtml(m[2]);
  return { action: new URL(unescapeHtml(action), pageUrl).toString(), fields };
}

/**
 * What a page says, with the name it was given, every field's value and the masked address (the
 * first letters of the email typed with the name) taken out.
 */
const contentOf = (status: number, location: string | undefined, html: string, name: string) =>
  `${status} ${location ? new URL(location, 'http://x').pathname : ''} ${html
    .split(name)
    .join('<name>')
    .replace(/value="[^"]*"/g, 'value=""')
    .replace(/\S\*\*\*@\S\*\*\*/g, '<masked address>')}`;

interface Page {
  name: string;
  path: 'login' | 'signup' | 'forgotPassword';
  known: (i: number) => string;
  unknown: (i: number) => string;
  form: (username: string) => Record<string, string>;
}

export async function runHostedPagesTimingBench(argv: string[]): Promise<HostedPageTiming[]> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const pairs = Number(args.get('pairs') ?? 200);
  const root = resolve(args.get('root') ?? checkoutRoot());
  const log = (line: string) =>
    console.error(`[hosted-pages-timing ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const bench = await startEmbeddedBench('pages', log, {
    root,
    healthTimeoutMs: 120_000,
    keep: args.has('keep'),
    // The same names are tried hundreds of times: a lockout would answer instead of the path measured.
    env: { IDFED_LOCKOUT_FREE_FAILURES: '1000' },
  });
  const { endpoint, sdk } = bench;
  const load: number[] = [];
  try {
    const { UserPool } = await sdk.send(
      new CreateUserPoolCommand({ PoolName: `bench-pages-${Date.now()}`, AutoVerifiedAttributes: ['email'] }),
    );
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
      }),
    );
    const stamp = randomBytes(4).toString('hex');
    const users = Array.from({ length: NAMES }, (_, i) => `member-${stamp}-${i}`);
    for (const Username of users) {
      await sdk.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username,
          MessageAction: 'SUPPRESS',
          TemporaryPassword: PASSWORD,
          UserAttributes: [
            { Name: 'email', Value: `${Username}@example.com` },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      await sdk.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username,
          Password: PASSWORD,
          Permanent: true,
        }),
      );
    }
    const query = new URLSearchParams({
      client_id: UserPoolClient!.ClientId!,
      response_type: 'code',
      scope: 'openid email',
      redirect_uri: REDIRECT_URI,
    }).toString();
    const nobody = (i: number) => `nobody-${stamp}-${i % NAMES}`;
    let fresh = 0;
    const pages: Page[] = [
      {
        name: '/login, wrong password',
        path: 'login',
        known: (i) => users[i % NAMES],
        unknown: nobody,
        form: (username) => ({ username, password: WRONG_PASSWORD }),
      },
      {
        name: '/signup, taken vs new name',
        path: 'signup',
        known: (i) => users[i % NAMES],
        unknown: () => `new-${stamp}-${fresh++}`,
        form: (username) => ({
          username,
          password: PASSWORD,
          'requiredAttributes[email]': `${username}@example.com`,
        }),
      },
      {
        name: '/forgotPassword',
        path: 'forgotPassword',
        known: (i) => users[i % NAMES],
        unknown: nobody,
        form: (username) => ({ username }),
      },
    ];

    const attempt = async (page: Page, username: string) => {
      const jar = new Jar();
      const url = `${endpoint}/${poolId}/${page.path}?${query}`;
      const shown = await browse(jar, url);
      if (shown.status !== 200) throw new Error(`${page.path} answered ${shown.status}`);
      const form = formOf(shown.html, url);
      const body = { ...form.fields, ...page.form(username) };
      const start = process.hrtime.bigint();
      const answer = await browse(jar, form.action, body);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (answer.status >= 500 || answer.status === 403 || answer.status === 429)
        throw new Error(`${page.path} POST answered ${answer.status}`);
      return { ms, content: contentOf(answer.status, answer.location, answer.html, username) };
    };

    const only = args.get('pages')?.split(',');
    const results: HostedPageTiming[] = [];
    for (const page of pages.filter((p) => !only || only.includes(p.path))) {
      log(`${page.name}: ${pairs} pairs`);
      const known: number[] = [];
      const unknown: number[] = [];
      let contentDifference: string | undefined;
      const samples: HostedPageTiming['samples'] = [];
      let previous: 'known' | 'unknown' | undefined;
      for (let i = 0; i < WARMUP_PAIRS + pairs; i++) {
        const order: ('known' | 'unknown')[] =
          Math.random() < 0.5 ? ['known', 'unknown'] : ['unknown', 'known'];
        const got: Record<string, { ms: number; content: string }> = {};
        for (const kind of order) {
          got[kind] = await attempt(page, kind === 'known' ? page.known(i) : page.unknown(i));
          if (i >= WARMUP_PAIRS)
            samples.push({ kind, ms: got[kind].ms, ...(previous ? { after: previous } : {}) });
          previous = kind;
        }
        if (i < WARMUP_PAIRS) continue;
        known.push(got.known.ms);
        unknown.push(got.unknown.ms);
        if (i % 25 === 0) load.push(loadavg()[0]);
        if (!contentDifference && got.known.content !== got.unknown.content)
          contentDifference = firstDifference(got.known.content, got.unknown.content);
      }
      results.push({
        page: page.name,
        comparison: compareTimings(known, unknown),
        known: quantiles(known),
        unknown: quantiles(unknown),
        contentDifference,
        samples,
      });
    }
    const machine = machineDescription();
    const text = report(results, pairs, load);
    console.log(
      `${text}\nmachine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${new Date().toISOString()}`,
    );
    const jsonPath = args.get('json');
    if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ pairs, root, machine, load, results }, null, 2));
    return results;
  } finally {
    await bench.stop(args.has('keep'));
  }
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `known: …${a.slice(Math.max(0, i - 40), i + 60)}… / unknown: …${b.slice(Math.max(0, i - 40), i + 60)}…`;
}

function report(results: HostedPageTiming[], pairs: number, load: number[]): string {
  const f = (n: number) => n.toFixed(1);
  const p = (v: number) => (v < 1e-4 ? v.toExponential(1) : v.toFixed(4));
  const lines = [
    `hosted pages' timing, embedded idfed over HTTP, ${pairs} interleaved pairs per page; load average (1 min) while measuring ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`,
    'page | known p10/p50/p90/p99 ms | unknown p10/p50/p90/p99 ms | median diff ms | P(known slower) | p Mann-Whitney | p Welch | timing | content',
  ];
  for (const r of results) {
    const c = r.comparison;
    const detected = c.pMannWhitney < ALPHA || c.pWelch < ALPHA;
    const q = (x: Quantiles) => [x.p10, x.p50, x.p90, x.p99].map(f).join('/');
    lines.push(
      [
        r.page,
        q(r.known),
        q(r.unknown),
        f(c.median1 - c.median2),
        c.superiority.toFixed(3),
        p(c.pMannWhitney),
        p(c.pWelch),
        detected ? `DIFFERS (p < ${ALPHA})` : 'no difference detected',
        r.contentDifference ? `DIFFERS: ${r.contentDifference}` : 'same',
      ].join(' | '),
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  runHostedPagesTimingBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: Error) => {
      console.error(`bench failed: ${err.stack ?? err.message}`);
      process.exit(1);
    },
  );
}
