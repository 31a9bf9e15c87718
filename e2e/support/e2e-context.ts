import { readFileSync } from 'node:fs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { eventually } from '../../libs/testing/src/eventually';
import type { SystemUnderTest } from './system-under-test';

export type E2eSystem = Omit<SystemUnderTest, 'apps' | 'stop'> & {
  /** The OpenID provider idfed knows as Google (accounts.google.com). */
  googleIssuer: string;
  /** A generic OpenID Connect provider (oidc-provider) for pools' OIDC providers. */
  oidcIssuer: string;
  /** Facebook's and Login with Amazon's sign-in stand-ins (IDFED_FACEBOOK_WWW_URL, IDFED_AMAZON_WWW_URL). */
  facebookWwwUrl: string;
  amazonWwwUrl: string;
  /** Sign in with Apple's stand-in (IDFED_APPLE_ISSUER). */
  appleIssuer: string;
  /** The Facebook and Login with Amazon stand-ins (IDFED_FACEBOOK_GRAPH_URL, IDFED_AMAZON_API_URL). */
  facebookGraphUrl: string;
  amazonApiUrl: string;
  /** The sync trigger stand-in (libs/testing/src/sync-trigger-standin.ts): `GET /calls` lists what it received. */
  syncTriggerStandin: string;
  /** The push provider stand-ins' inspection endpoint (e2e/support/push-standins.ts). */
  pushStandins: string;
  /** The user pool trigger stand-in (libs/testing/src/user-pool-trigger-standin.ts): `GET /calls`. */
  userPoolTriggerStandin: string;
};

/** Where the system under test runs, as the global setup published it. */
export function e2eSystem(): E2eSystem {
  const raw = process.env.IDFED_E2E_SYSTEM;
  if (!raw)
    throw new Error('IDFED_E2E_SYSTEM is not set: run the e2e suite through jest --selectProjects e2e');
  return JSON.parse(raw) as E2eSystem;
}

/** The official AWS SDK client, pointed at idfed and signing with the admin key. */
export function cognitoAdmin(system = e2eSystem()): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: system.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    maxAttempts: 1,
  });
}

/** The same client as an app uses it for public operations: no credentials of its own worth anything. */
export function cognitoPublic(system = e2eSystem()): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint: system.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
    maxAttempts: 1,
  });
}

function mailboxLines(system: E2eSystem): string[] {
  try {
    return readFileSync(system.mailbox, 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return []; // not written yet
  }
}

/**
 * Where the mailbox ends now. Codes of ForgotPassword and ResendConfirmationCode go out after the
 * answer, so a spec that asks for another code marks the mailbox first and waits past the mark.
 */
export function mailboxMark(system = e2eSystem()): number {
  return mailboxLines(system).length;
}

/** Waits for a message to `to` after `mark` (default: any) and returns its text, decoded from quoted-printable. */
export async function messageSentTo(
  to: string,
  system = e2eSystem(),
  { after = 0, timeoutMs = 10_000 } = {},
): Promise<string> {
  return eventually(
    () => {
      for (const line of mailboxLines(system).slice(after).reverse()) {
        const message = JSON.parse(line) as { to: string; text: string };
        if (message.to === to)
          return message.text
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      }
      throw new Error(`nothing was sent to ${to}`);
    },
    { timeoutMs },
  );
}

/** Waits for the code idfed sent to `to` (after `mark`, from the dev mailbox or the SMTP capture). */
export async function codeSentTo(
  to: string,
  system = e2eSystem(),
  timeoutMs = 10_000,
  after = 0,
): Promise<string> {
  return eventually(
    () => {
      for (const line of mailboxLines(system).slice(after).reverse()) {
        const message = JSON.parse(line) as { to: string; text: string };
        const code = /code is (\d{6})/.exec(message.text)?.[1];
        if (message.to === to && code) return code;
      }
      throw new Error(`no code was sent to ${to}`);
    },
    { timeoutMs },
  );
}
