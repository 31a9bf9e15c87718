import type { ServerDuplexStream } from '@grpc/grpc-js';
import { AwsError } from '@idfed/aws-protocol';
import type { CallContext } from '../grpc/call-context';
import type { Received } from '../grpc/grpc-server';
import { GrpcError, grpcError } from '../grpc/grpc-status';
import type { VerifyTokenInput, VerifyTokenOutput } from '../tokens/user-pool-token.verifier';

/** Tokens one VerifyTokens message may carry. */
export const MAX_TOKENS_PER_MESSAGE = 100;
/**
 * Tokens of one stream received and not yet answered: at this many, the stream stops reading (HTTP/2
 * flow control then holds the client's writes) until answers are written. Also when the client
 * reads its answers slower than they come (a write returns false), until they drain.
 */
export const MAX_TOKENS_IN_FLIGHT = 1000;
const ITEM_ID = /^[\s\S]{1,64}$/;
const MAX_TOKEN = 16_384;
const MAX_CLIENT_IDS = 100;

interface Item {
  id: string;
  request: VerifyTokenInput | null;
}

interface Result {
  id: string;
  response: VerifyTokenOutput | Partial<VerifyTokenOutput>;
}

/**
 * One VerifyTokens stream (ADR 0051), once authenticated: each message's tokens are verified as
 * VerifyToken verifies one (the same function: keys and account states cached), the answers
 * written in the order the messages came. The stream ends with the client's end (after the last
 * answer), with INVALID_ARGUMENT on a malformed message, RESOURCE_EXHAUSTED past the in-flight
 * limit, UNAUTHENTICATED when temporary credentials expire, or when the client cancels.
 */
export function serveVerifyTokens(
  ctx: CallContext,
  call: ServerDuplexStream<Received, unknown>,
  verify: (input: VerifyTokenInput) => Promise<VerifyTokenOutput>,
  now: () => number,
): void {
  let inFlight = 0;
  let ended = false;
  let tail: Promise<void> = Promise.resolve();
  let expiry: NodeJS.Timeout | undefined;
  let draining = false;
  /** Reads while the client keeps up; stops while too much is unanswered or unread. */
  const flow = () => {
    if (inFlight >= MAX_TOKENS_IN_FLIGHT || draining) call.pause();
    else if (call.isPaused()) call.resume();
  };

  const fail = (err: GrpcError) => {
    if (ended) return;
    ended = true;
    if (expiry) clearTimeout(expiry);
    call.emit('error', err);
  };
  const stop = () => {
    ended = true;
    if (expiry) clearTimeout(expiry);
  };
  call.on('cancelled', stop);
  call.on('close', stop);

  const expiresAt =
    ctx.principal.type === 'AssumedRole'
      ? ctx.principal.session.expiresAt
      : ctx.principal.type === 'IAMUser'
        ? ctx.principal.user.session?.expiresAt
        : undefined;
  if (expiresAt !== undefined) {
    // The stream lives no longer than the credentials that opened it.
    const left = expiresAt - now();
    const expired = () =>
      fail(grpcError('ExpiredTokenException', 'The security token included in the request is expired'));
    if (left <= 0) return expired();
    // setTimeout's limit is ~24.8 days; temporary credentials last 12 hours at most.
    expiry = setTimeout(expired, Math.min(left, 2 ** 31 - 1));
  }

  call.on('data', (received: Received) => {
    if (ended) return;
    const items = (received.message as { items?: Item[] }).items ?? [];
    const problem = malformed(items);
    if (problem) return fail(grpcError('InvalidParameterException', problem));
    inFlight += items.length;
    flow();
    // Started at once, written in order.
    const answers = Promise.all(items.map((item) => answer(item, verify)));
    tail = tail.then(async () => {
      const results = await answers;
      inFlight -= items.length;
      if (ended) return;
      if (!call.write({ results })) {
        draining = true;
        call.once('drain', () => {
          draining = false;
          flow();
        });
      }
      flow();
    });
  });
  call.on('end', () => {
    void tail.then(() => {
      if (ended) return;
      ended = true;
      if (expiry) clearTimeout(expiry);
      call.end();
    });
  });
}

function malformed(items: Item[]): string | undefined {
  if (items.length === 0) return 'items: at least one token per message.';
  if (items.length > MAX_TOKENS_PER_MESSAGE) return `items: at most ${MAX_TOKENS_PER_MESSAGE} per message.`;
  const seen = new Set<string>();
  for (const item of items) {
    if (!ITEM_ID.test(item.id)) return 'items.id: 1 to 64 characters.';
    if (seen.has(item.id)) return `items.id: ${JSON.stringify(item.id)} appears twice in one message.`;
    seen.add(item.id);
  }
  return undefined;
}

/** One token's answer: VerifyToken's, or active = false with the AWS error name it would have failed with. */
async function answer(
  item: Item,
  verify: (input: VerifyTokenInput) => Promise<VerifyTokenOutput>,
): Promise<Result> {
  const request = item.request;
  const refused = (name: string, reason: string): Result => ({
    id: item.id,
    response: { active: false, errorName: name, reason },
  });
  if (!request || request.token.length === 0)
    return refused('InvalidParameterException', 'token is required.');
  if (request.token.length > MAX_TOKEN)
    return refused('InvalidParameterException', `token: at most ${MAX_TOKEN} characters.`);
  if (request.clientIds.length > MAX_CLIENT_IDS)
    return refused('InvalidParameterException', `client_ids: at most ${MAX_CLIENT_IDS}.`);
  try {
    return { id: item.id, response: await verify(request) };
  } catch (err) {
    // Could not be answered (a pool's keys out of reach): named, so the client retries this one.
    if (err instanceof AwsError) return refused(err.name, err.message);
    return refused('InternalErrorException', 'Internal server error');
  }
}
