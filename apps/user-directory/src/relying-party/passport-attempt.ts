/**
 * Running one passport strategy outside Express (ADR 0029). passport's own `authenticate()`
 * middleware derives an instance from the strategy (`Object.create(strategy)`), gives it the five
 * actions (`success`, `fail`, `redirect`, `pass`, `error`) and calls `authenticate(req, options)`;
 * whichever action the strategy calls ends the attempt. This does the same, with a promise in
 * place of the HTTP response: the relying party runs in a bus consumer, where there is no response
 * to write to, and the gateway turns the outcome into one.
 */

/** The request-like object a strategy reads: built from the provider's callback, never a real request. */
export interface PassportRequest {
  method: 'GET' | 'POST';
  /** Path and query, as `IncomingMessage.url` (openid-client reads the callback's query from it). */
  url: string;
  query: Record<string, string>;
  /** The form of a `form_post` answer (POST), else empty. */
  body: Record<string, string>;
  /** Where session-keeping strategies look for what the redirect stored; filled from our own state row. */
  session: Record<string, unknown>;
}

/** How an attempt ended: the strategy called one of passport's actions. */
export type PassportOutcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'success'; user: unknown }
  | { kind: 'fail'; challenge: unknown }
  | { kind: 'error'; error: unknown }
  | { kind: 'pass' };

/** The part of a passport strategy an attempt uses (passport-strategy's `Strategy`). */
export interface PassportStrategy {
  authenticate(req: PassportRequest, options?: object): void;
}

/** An attempt whose strategy calls no action within this time is an error (its HTTP calls have 5 s each). */
export const PASSPORT_ATTEMPT_TIMEOUT_MS = 20_000;

/** Runs `strategy.authenticate(req, options)` as passport does, and answers the action it called. */
export function passportAttempt(
  strategy: PassportStrategy,
  req: PassportRequest,
  options: object = {},
): Promise<PassportOutcome> {
  return new Promise<PassportOutcome>((resolve) => {
    let ended = false;
    const end = (outcome: PassportOutcome) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(
      () => end({ kind: 'error', error: new Error('the strategy called no action') }),
      PASSPORT_ATTEMPT_TIMEOUT_MS,
    );
    const attempt = Object.create(strategy) as PassportStrategy & Record<string, unknown>;
    attempt.success = (user: unknown) => end({ kind: 'success', user });
    attempt.fail = (challenge: unknown) => end({ kind: 'fail', challenge });
    attempt.redirect = (url: string) => end({ kind: 'redirect', url });
    attempt.pass = () => end({ kind: 'pass' });
    attempt.error = (error: unknown) => end({ kind: 'error', error });
    try {
      attempt.authenticate(req, options);
    } catch (error) {
      end({ kind: 'error', error });
    }
  });
}

/** The request-like object of a redirect toward the provider: no callback parameters. */
export function startRequest(): PassportRequest {
  return { method: 'GET', url: '/', query: {}, body: {}, session: {} };
}

/**
 * The request-like object of the provider's answer: only the parameters idfed reads (`code`,
 * `state`, `iss`), in the query of a GET or the form of a POST (`form_post`).
 */
export function callbackRequest(
  params: Record<string, string>,
  method: 'GET' | 'POST',
  session: Record<string, unknown> = {},
): PassportRequest {
  const picked: Record<string, string> = {};
  for (const name of ['code', 'state', 'iss'] as const) {
    if (typeof params[name] === 'string') picked[name] = params[name];
  }
  const search = new URLSearchParams(picked).toString();
  return method === 'GET'
    ? { method, url: `/?${search}`, query: picked, body: {}, session }
    : { method, url: '/', query: {}, body: picked, session };
}
