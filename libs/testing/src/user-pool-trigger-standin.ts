import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * A local stand-in for the HTTP endpoints idfed calls in place of a user pool's Lambda triggers
 * (ADR 0030). It checks every call as a receiver should, with its own code: the HMAC-SHA256
 * signature `v1=` over `v1\n<timestamp>\n<id>\n<function ARN>\n<body>` under the key of the path's
 * endpoint (HKDF-SHA256 of the operator's secret, info `idfed user pool trigger endpoint v1\n<name>`),
 * a timestamp within 5 minutes and a call id never seen; a call that fails is answered 401 and
 * kept aside. It records the events it accepted (`GET /calls?userName=`) and answers as a Lambda
 * would, by path:
 *
 * - `/gate`: every trigger of a pool under test, by `triggerSource`:
 *   - PreSignUp: refuses (`Invite required`) unless `validationData.invite` is `let-me-in`;
 *     auto-confirms and auto-verifies the email of a user whose name starts with `auto`;
 *   - PreAuthentication: refuses (`Account blocked`) a user whose email
 *     starts with `blocked`;
 *   - PostAuthentication: refuses (`Not today`) a user whose name starts with `postfail`;
 *   - PostConfirmation: accepts;
 *   - TokenGeneration_*: V1 adds `tier: gold`, suppresses `email`, replaces the groups with
 *     `vip`; V2 also adds `tier` to the access token, scope `gate/extra`, suppresses `profile`,
 *     and tries to re-target the tokens (`sub`, `iss`, `token_use`), which must be ignored. Both
 *     answer with the event's `userName` and `userPoolId` changed, which must be ignored too.
 * - `/challenge`: the CUSTOM_AUTH trio (ADR 0036), by `triggerSource`:
 *   - DefineAuthChallenge: `failAuthentication` for a user whose name starts with `failauth`, and
 *     after three wrong answers; a `issueTokens` of the wrong type for a name starting with
 *     `oddanswer`; SRP_A then PASSWORD_VERIFIER first when the sign-in began with SRP_A; then
 *     CUSTOM_CHALLENGE until one was answered right, then `issueTokens`;
 *   - CreateAuthChallenge: public `{ question, round }`, private `{ answer: challengeAnswerFor(userName, round) }`,
 *     metadata `ROUND-<n>` (n counts the CUSTOM_CHALLENGEs so far, from 1);
 *   - VerifyAuthChallengeResponse: `answerCorrect` when the answer is the private one.
 *   Each answers with the event's `userName` and `userPoolId` changed (to be ignored).
 * - `/migrate`: UserMigration over a small legacy user table (`LEGACY_USERS`, plus every name
 *   starting with `legacy-`, password `Legacy-Passw0rd!`, email `<name>@legacy.example` verified):
 *   `UserMigration_Authentication` answers the user's attributes, `CONFIRMED` and `SUPPRESS` for
 *   the right password and refuses (`Bad password`) a wrong one; `UserMigration_ForgotPassword`
 *   answers `RESET_REQUIRED`; a name it does not have is refused (`User not found`). A name starting
 *   with `legacy-garbage` gets attributes that are no strings, `legacy-alien` an attribute no pool
 *   has; `legacy-slow` answers after 400 ms (two sign-ins then overlap). `legacy-welcome` gets no
 *   `messageAction` and `desiredDeliveryMediums` `['EMAIL']` (a welcome email); `legacy-resend`
 *   `RESEND` by email and SMS, though it has no phone number (unusable); `legacy-smsmfa` a phone
 *   number and `enableSMSMFA`; `legacy-nophonemfa` `enableSMSMFA` without a phone (unusable).
 * - `/message`: CustomMessage (ADR 0043), by `triggerSource` and name: its own words with the
 *   event's `codeParameter` (and `usernameParameter` for an invitation), subject `Trigger: <source>`;
 *   given a `linkParameter` (a link pool's sign-up confirmation, ADR 0071), an HTML email whose only
 *   way to confirm is that link (`<p>Trigger <source>: <linkParameter></p>`, no code);
 *   a name starting with `dropcode` gets a message without the code, `badtype` a message that is
 *   no string, `msgfail` a refusal (`No mail today`).
 * - `/mailer`, `/texter`: CustomEmailSender / CustomSMSSender (ADR 0043): opens the sealed code
 *   with the key an operator derives (HKDF-SHA256 of the secret, info `idfed custom sender code
 *   v1\n<name>\n<KMSKeyID>`, KMSKeyID `CUSTOM_SENDER_KMS_KEY_ID`), AES-256-GCM bound to the
 *   event's pool, user and source, and "delivers" it: `GET /delivered?userName=`.
 * - `/federation`: the triggers of sign-in through a provider (ADR 0056), by `triggerSource` and the
 *   provider's login (the part of `userName` after `<ProviderName>_`):
 *   - InboundFederation_ExternalProvider: refuses (`Blocked by inbound`) a login starting with
 *     `inboundblock`; for `renamed` answers `userAttributesToMap` with the email at
 *     `renamed.example` and the name `Renamed`; for `garbled` an attribute that is no string;
 *     else `{}` (keep);
 *   - PreSignUp_ExternalProvider: refuses (`No strangers`) a login starting with `stranger`;
 *     answers `autoVerifyEmail` and `autoVerifyPhone` true for a login starting with `autoverify`;
 *   - any other PreSignUp or PostConfirmation (the pool's own users): accepts.
 * - `/slow`: answers after `slowMs` (past idfed's timeout).
 * - `/garbage`: answers text that is not JSON.
 * - `/broken`: answers HTTP 502 with an HTML body (not a Lambda error).
 */
export interface UserPoolTriggerStandin {
  url: string;
  close(): Promise<void>;
}

export interface RecordedUserPoolTriggerCall {
  path: string;
  functionArn: string;
  event: Record<string, unknown>;
}

const WINDOW_S = 300;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return typeof v === 'string' ? v : '';
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof value === 'string' ? value : JSON.stringify(value));
}

type Event = Record<string, unknown> & {
  triggerSource: string;
  version: string;
  userName: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
};

function gate(event: Event): { status: number; body: unknown } {
  const fail = (errorMessage: string) => ({ status: 400, body: { errorType: 'Error', errorMessage } });
  const answer = (response: unknown) => ({
    status: 200,
    // A Lambda that tampers with the event's identity: idfed reads `response` only.
    body: { ...event, userName: 'someone-else', userPoolId: 'us-east-1_Other', response },
  });
  const attrs = (event.request.userAttributes ?? {}) as Record<string, string>;
  const source = event.triggerSource;
  if (source.startsWith('PreSignUp_')) {
    const validation = event.request.validationData as Record<string, string> | null;
    if (validation?.invite !== 'let-me-in') return fail('Invite required');
    const auto = event.userName.startsWith('auto');
    return answer({ autoConfirmUser: auto, autoVerifyEmail: auto, autoVerifyPhone: false });
  }
  if (source === 'PreAuthentication_Authentication')
    return (attrs.email ?? '').startsWith('blocked') ? fail('Account blocked') : answer({});
  if (source === 'PostAuthentication_Authentication')
    return event.userName.startsWith('postfail') ? fail('Not today') : answer({});
  if (source.startsWith('PostConfirmation_')) return answer({});
  if (!source.startsWith('TokenGeneration_')) return fail(`unexpected ${source}`);
  const groups = { groupsToOverride: ['vip'], iamRolesToOverride: [], preferredRole: null };
  if (event.version === '1') {
    return answer({
      claimsOverrideDetails: {
        claimsToAddOrOverride: { tier: 'gold', sub: 'forged' },
        claimsToSuppress: ['email'],
        groupOverrideDetails: groups,
      },
    });
  }
  return answer({
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: {
        claimsToAddOrOverride: { tier: 'gold', iss: 'https://evil' },
        claimsToSuppress: ['email'],
      },
      accessTokenGeneration: {
        claimsToAddOrOverride: { tier: 'gold', token_use: 'id', sub: 'forged' },
        scopesToAdd: ['gate/extra'],
        scopesToSuppress: ['profile'],
      },
      groupOverrideDetails: groups,
    },
  });
}

function federation(event: Event): { status: number; body: unknown } {
  const fail = (errorMessage: string) => ({ status: 400, body: { errorType: 'Error', errorMessage } });
  const answer = (response: unknown) => ({ status: 200, body: { ...event, response } });
  const login = event.userName.slice(event.userName.indexOf('_') + 1);
  switch (event.triggerSource) {
    case 'InboundFederation_ExternalProvider': {
      if (login.startsWith('inboundblock')) return fail('Blocked by inbound');
      if (login.startsWith('renamed'))
        return answer({ userAttributesToMap: { email: `${login}@renamed.example`, name: 'Renamed' } });
      if (login.startsWith('garbled')) return answer({ userAttributesToMap: { email: 7 } });
      return answer({ userAttributesToMap: {} });
    }
    case 'PreSignUp_ExternalProvider':
      if (login.startsWith('autoverify')) return answer({ autoVerifyEmail: true, autoVerifyPhone: true });
      return login.startsWith('stranger') ? fail('No strangers') : answer({});
    default:
      // The pool's own users (AdminCreateUser, SignUp) are let through.
      if (event.triggerSource.startsWith('PreSignUp_') || event.triggerSource.startsWith('PostConfirmation_'))
        return answer({});
      return fail(`unexpected ${event.triggerSource}`);
  }
}

/** The answer `/challenge` expects to its round `round` (from 1) for `userName`. */
export function challengeAnswerFor(userName: string, round: number): string {
  return `answer-${round}-${userName.length}`;
}

function challenge(event: Event): { status: number; body: unknown } {
  const answer = (response: unknown) => ({
    status: 200,
    body: { ...event, userName: 'someone-else', userPoolId: 'us-east-1_Other', response },
  });
  const session = (event.request.session ?? []) as { challengeName: string; challengeResult: boolean }[];
  const customs = session.filter((c) => c.challengeName === 'CUSTOM_CHALLENGE');
  switch (event.triggerSource) {
    case 'DefineAuthChallenge_Authentication': {
      if (event.userName.startsWith('failauth'))
        return answer({ issueTokens: false, failAuthentication: true });
      if (event.userName.startsWith('oddanswer')) return answer({ issueTokens: 'yes' });
      const last = session[session.length - 1];
      if (last?.challengeName === 'SRP_A') return answer({ challengeName: 'PASSWORD_VERIFIER' });
      if (last && !last.challengeResult && last.challengeName !== 'CUSTOM_CHALLENGE')
        return answer({ issueTokens: false, failAuthentication: true });
      if (customs.some((c) => c.challengeResult))
        return answer({ issueTokens: true, failAuthentication: false });
      if (customs.length >= 3) return answer({ issueTokens: false, failAuthentication: true });
      return answer({ challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false });
    }
    case 'CreateAuthChallenge_Authentication': {
      const round = customs.length + 1;
      return answer({
        publicChallengeParameters: { question: 'What is the answer?', round: String(round) },
        privateChallengeParameters: { answer: challengeAnswerFor(event.userName, round) },
        challengeMetadata: `ROUND-${round}`,
      });
    }
    case 'VerifyAuthChallengeResponse_Authentication': {
      const expected = (event.request.privateChallengeParameters as Record<string, string>).answer;
      return answer({ answerCorrect: event.request.challengeAnswer === expected });
    }
    default:
      return { status: 400, body: { errorType: 'Error', errorMessage: `unexpected ${event.triggerSource}` } };
  }
}

/** The legacy store behind `/migrate`: name to password and attributes. */
export const LEGACY_PASSWORD = 'Legacy-Passw0rd!';
const LEGACY_USERS: Record<string, { password: string; attributes: Record<string, string> }> = {
  'old-timer': {
    password: LEGACY_PASSWORD,
    attributes: { email: 'old-timer@legacy.example', email_verified: 'true', name: 'Old Timer' },
  },
};

function legacyUser(name: string): { password: string; attributes: Record<string, string> } | undefined {
  if (LEGACY_USERS[name]) return LEGACY_USERS[name];
  if (!name.startsWith('legacy-')) return undefined;
  return {
    password: LEGACY_PASSWORD,
    attributes: { email: `${name}@legacy.example`, email_verified: 'true' },
  };
}

function migrate(event: Event): { status: number; body: unknown } {
  const fail = (errorMessage: string) => ({ status: 400, body: { errorType: 'Error', errorMessage } });
  const found = legacyUser(event.userName);
  if (!found) return fail('User not found');
  const forgot = event.triggerSource === 'UserMigration_ForgotPassword';
  if (!forgot && event.triggerSource !== 'UserMigration_Authentication')
    return fail(`unexpected ${event.triggerSource}`);
  if (!forgot && event.request.password !== found.password) return fail('Bad password');
  let userAttributes: Record<string, unknown> = found.attributes;
  if (event.userName.startsWith('legacy-garbage')) userAttributes = { email: 42 };
  if (event.userName.startsWith('legacy-alien'))
    userAttributes = { ...found.attributes, favourite_colour: 'green' };
  return {
    status: 200,
    body: {
      ...event,
      response: {
        userAttributes,
        finalUserStatus: forgot ? 'RESET_REQUIRED' : 'CONFIRMED',
        messageAction: 'SUPPRESS',
        ...migrationExtras(event.userName, found.attributes),
      },
    },
  };
}

/** The answer members (ADR 0063) some legacy names get; see `/migrate` above. */
function migrationExtras(name: string, attributes: Record<string, string>): Record<string, unknown> {
  const phone = { ...attributes, phone_number: '+15555550123', phone_number_verified: 'true' };
  if (name.startsWith('legacy-welcome')) return { messageAction: null, desiredDeliveryMediums: ['EMAIL'] };
  if (name.startsWith('legacy-resend'))
    return { messageAction: 'RESEND', desiredDeliveryMediums: ['EMAIL', 'SMS'] };
  if (name.startsWith('legacy-smsmfa')) return { userAttributes: phone, enableSMSMFA: true };
  if (name.startsWith('legacy-nophonemfa')) return { enableSMSMFA: true };
  return {};
}

/** The KMSKeyID the e2e pools name for their custom senders. */
export const CUSTOM_SENDER_KMS_KEY_ID = 'arn:aws:kms:us-east-1:000000000000:key/e2e-custom-sender';

function customMessage(event: Event): { status: number; body: unknown } {
  const fail = (errorMessage: string) => ({ status: 400, body: { errorType: 'Error', errorMessage } });
  const code = event.request.codeParameter as string;
  const source = event.triggerSource;
  if (!source.startsWith('CustomMessage_')) return fail(`unexpected ${source}`);
  if (event.userName.startsWith('msgfail')) return fail('No mail today');
  let response: Record<string, unknown>;
  if (event.userName.startsWith('dropcode'))
    response = { emailMessage: 'Your account is ready.', smsMessage: 'Ready.' };
  else if (event.userName.startsWith('badtype')) response = { emailMessage: 42 };
  else if (source === 'CustomMessage_AdminCreateUser') {
    const name = event.request.usernameParameter as string;
    response = {
      emailMessage: `Trigger invitation for ${name}: temporary password ${code}`,
      smsMessage: `Trigger invite ${name} ${code}`,
    };
  } else if (typeof event.request.linkParameter === 'string')
    response = {
      emailMessage: `<p>Trigger ${source}: ${event.request.linkParameter}</p>`,
      smsMessage: `Trigger code is ${code}`,
    };
  else
    response = {
      emailMessage: `Trigger ${source}: your code is ${code}`,
      smsMessage: `Trigger code is ${code}`,
    };
  return { status: 200, body: { ...event, response: { ...response, emailSubject: `Trigger: ${source}` } } };
}

/** Opens a custom sender's sealed code as its receiver does (ADR 0043); undefined if it cannot. */
function openSealedCode(secret: Buffer, name: string, event: Event): string | undefined {
  try {
    const key = Buffer.from(
      hkdfSync(
        'sha256',
        secret,
        Buffer.alloc(0),
        `idfed custom sender code v1\n${name}\n${CUSTOM_SENDER_KMS_KEY_ID}`,
        32,
      ),
    );
    const bytes = Buffer.from(event.request.code as string, 'base64');
    if (bytes[0] !== 1 || bytes.length < 1 + 12 + 16) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 13));
    decipher.setAAD(
      Buffer.from(
        `idfed custom sender code v1\n${event.userPoolId as string}\n${event.userName}\n${event.triggerSource}`,
      ),
    );
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(13, bytes.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}

/** `secret`: the operator's IDFED_LAMBDA_SECRET, from which each path's key is derived here. */
export async function startUserPoolTriggerStandin(
  secret: Buffer,
  slowMs = 15_000,
): Promise<UserPoolTriggerStandin> {
  const accepted: RecordedUserPoolTriggerCall[] = [];
  const rejected: { path: string; reason: string }[] = [];
  const seen = new Map<string, number>();
  const delivered: { userName: string; triggerSource: string; type: unknown; code: string }[] = [];

  function keyOf(name: string): Buffer {
    return Buffer.from(
      hkdfSync('sha256', secret, Buffer.alloc(0), `idfed user pool trigger endpoint v1\n${name}`, 32),
    );
  }

  function verify(req: IncomingMessage, path: string, body: string): string | undefined {
    const id = header(req, 'x-idfed-trigger-id');
    const timestamp = header(req, 'x-idfed-timestamp');
    const functionArn = header(req, 'x-idfed-function');
    const signature = header(req, 'x-idfed-signature');
    if (!id || !/^\d+$/.test(timestamp) || !functionArn || !signature.startsWith('v1=')) return 'unsigned';
    const now = Math.floor(Date.now() / 1000);
    if (Math.abs(now - Number(timestamp)) > WINDOW_S) return 'stale timestamp';
    if (!functionArn.endsWith(`:function:${path.slice(1)}`)) return 'another function';
    const expected = createHmac('sha256', keyOf(path.slice(1)))
      .update(`v1\n${timestamp}\n${id}\n${functionArn}\n${body}`)
      .digest();
    const given = Buffer.from(signature.slice(3), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
    for (const [old, at] of seen) if (now - at > WINDOW_S) seen.delete(old);
    if (seen.has(id)) return 'replayed';
    seen.set(id, now);
    return undefined;
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    if (req.method === 'GET' && url.pathname === '/delivered') {
      const userName = url.searchParams.get('userName');
      json(
        res,
        200,
        delivered.filter((d) => d.userName === userName),
      );
      return;
    }
    if (req.method === 'GET' && url.pathname === '/calls') {
      const userName = url.searchParams.get('userName');
      json(res, 200, {
        accepted: accepted.filter((c) => !userName || c.event.userName === userName),
        rejected,
      });
      return;
    }
    void readBody(req).then((body) => {
      const refusal = verify(req, url.pathname, body);
      if (refusal) {
        rejected.push({ path: url.pathname, reason: refusal });
        json(res, 401, { message: refusal });
        return;
      }
      const event = JSON.parse(body) as Event;
      accepted.push({ path: url.pathname, functionArn: header(req, 'x-idfed-function'), event });
      switch (url.pathname) {
        case '/gate': {
          const { status, body: answer } = gate(event);
          return json(res, status, answer);
        }
        case '/federation': {
          const { status, body: answer } = federation(event);
          return json(res, status, answer);
        }
        case '/challenge': {
          const { status, body: answer } = challenge(event);
          return json(res, status, answer);
        }
        case '/migrate': {
          const { status, body: answer } = migrate(event);
          const delay = event.userName.startsWith('legacy-slow') ? 400 : 0;
          const timer = setTimeout(() => json(res, status, answer), delay);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        case '/message': {
          const { status, body: answer } = customMessage(event);
          return json(res, status, answer);
        }
        case '/mailer':
        case '/texter': {
          const code = openSealedCode(secret, url.pathname.slice(1), event);
          if (code === undefined)
            return json(res, 400, { errorType: 'Error', errorMessage: 'Cannot decrypt' });
          delivered.push({
            userName: event.userName,
            triggerSource: event.triggerSource,
            type: event.request.type,
            code,
          });
          return json(res, 200, { ...event, response: {} });
        }
        case '/slow': {
          const timer = setTimeout(() => json(res, 200, { ...event }), slowMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        case '/garbage':
          return json(res, 200, 'this is not the event');
        case '/broken':
          res.writeHead(502, { 'content-type': 'text/html' });
          return res.end('<html>bad gateway</html>');
        default:
          return json(res, 404, { message: 'no such function' });
      }
    });
  });
  const url = await new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  );
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
