import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The local OpenID Connect provider of test-idp.server.mjs, running as a child process. */
export interface TestIdp {
  /** The provider standing in for Google (oidc-provider, with Google's endpoint paths). */
  issuer: string;
  /** A generic OpenID Connect provider (oidc-provider) on the same process. */
  oidcIssuer: string;
  /** Login with Amazon's and Facebook's OAuth 2.0 stand-ins (oidc-provider, their endpoint paths). */
  amazonUrl: string;
  facebookUrl: string;
  /** Sign in with Apple's stand-in (oidc-provider with Apple's paths; POST /teams for client secrets). */
  appleIssuer: string;
  /** Google's People API stand-in (IDFED_GOOGLE_PEOPLE_API_URL), over the Google stand-in's tokens. */
  peopleApiUrl: string;
  /** The issuer without its scheme: what IAM names the provider after and condition keys start with. */
  urlKey: string;
  /** An ID token signed by the IdP (claims merged over iss, iat and exp). */
  mint(options: {
    claims: Record<string, unknown>;
    alg?: 'RS256' | 'ES256';
    expiresIn?: number;
    /** Sign with a key the IdP does not publish. */
    forge?: boolean;
  }): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the IdP on a free loopback port (it is ESM-only through jose, hence its own process). */
export async function startTestIdp(): Promise<TestIdp> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'test-idp.server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  type Started = {
    issuer: string;
    oidcIssuer: string;
    amazonUrl: string;
    facebookUrl: string;
    appleIssuer: string;
    peopleApiUrl: string;
  };
  const { issuer, oidcIssuer, amazonUrl, facebookUrl, appleIssuer, peopleApiUrl } =
    await new Promise<Started>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the test IdP did not start')), 15_000);
      child.once('exit', (code) => reject(new Error(`the test IdP exited with ${code}`)));
      createInterface({ input: child.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Started);
      });
    });
  const origin = new URL(issuer).origin;
  return {
    issuer,
    oidcIssuer,
    amazonUrl,
    facebookUrl,
    appleIssuer,
    peopleApiUrl,
    urlKey: issuer.replace(/^https?:\/\//, ''),
    async mint(options) {
      const res = await fetch(`${origin}/mint`, { method: 'POST', body: JSON.stringify(options) });
      const body = (await res.json()) as { token?: string; error?: string };
      if (!body.token) throw new Error(`the test IdP could not mint: ${body.error}`);
      return body.token;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
