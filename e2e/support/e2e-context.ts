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

/**
 * Waits for a message to `to` after `mark` (default: any) and returns its text: the dev mailbox's as
 * sent, the SMTP capture's raw message decoded from quoted-printable.
 */
export async function messageSentTo(
  to: string,
  system = e2eSystem(),
  { after = 0, timeoutMs = 10_000 } = {},
): Promise<string> {
  return eventually(
    () => {
      for (const line of mailboxLines(system).slice(after).reverse()) {
        const message = JSON.parse(line) as { to: string; text: string };
        // The dev mailbox holds the text as sent: decoding it would garble a password with `=XX` in it.
        if (message.to === to && system.mode !== 'distributed') return message.text;
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

/** A mail as its reader sees it: subject, plain text, HTML (when sent), and the top Content-Type. */
export interface SentMail {
  subject: string;
  text: string;
  html?: string;
  /** The raw message's Content-Type (the SMTP capture); undefined from the dev mailbox. */
  contentType?: string;
}

function decodeTransfer(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() !== 'quoted-printable') return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseEntity(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** A raw message as the SMTP capture holds it, its text and HTML parts decoded. */
export function parseRawMail(raw: string): SentMail {
  const top = parseEntity(raw);
  const contentType = top.headers['content-type'] ?? 'text/plain';
  const mail: SentMail = { subject: top.headers.subject ?? '', text: '', contentType };
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const parts = boundary
    ? top.body
        .split(`--${boundary}`)
        .slice(1)
        .filter((p) => !p.startsWith('--'))
        .map((p) => parseEntity(p.replace(/^\r?\n/, '')))
    : [top];
  for (const part of parts) {
    const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
    const body = decodeTransfer(part.body, part.headers['content-transfer-encoding']).replace(/\r?\n$/, '');
    if (type.startsWith('text/html')) mail.html = body;
    else if (type.startsWith('text/plain')) mail.text = body;
  }
  return mail;
}

/** Waits for a mail to `to` after `after` and returns it: the dev mailbox's fields, or the SMTP capture's message parsed. */
export async function mailSentTo(
  to: string,
  system = e2eSystem(),
  { after = 0, timeoutMs = 10_000 } = {},
): Promise<SentMail> {
  return eventually(
    () => {
      for (const line of mailboxLines(system).slice(after).reverse()) {
        const message = JSON.parse(line) as { to: string; subject?: string; text: string; html?: string };
        if (message.to !== to) continue;
        if (system.mode === 'distributed') return parseRawMail(message.text);
        return {
          subject: message.subject ?? '',
          text: message.text,
          ...(message.html !== undefined ? { html: message.html } : {}),
        };
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
