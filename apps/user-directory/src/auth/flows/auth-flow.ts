import { InitiateAuthResponse, RespondToAuthChallengeResponse } from '@idfed/contracts';
import { allowsFlow } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';

/** The sign-in operations a flow can start from: InitiateAuth, or AdminInitiateAuth with the admin key. */
export type SignInOperation = 'InitiateAuth' | 'AdminInitiateAuth';

/** The ExplicitAuthFlows permissions a client can grant (each with its legacy spelling, see allowsFlow). */
export type ExplicitFlow = Parameters<typeof allowsFlow>[1];

/**
 * What a sign-in step read from its request before anything is checked against a secret: the
 * names its SECRET_HASH may have been computed over, and what it found on the way, handed back to
 * the step. Cognito checks a step's own parameters (and for a refresh, the token) before the
 * client secret, so the strategy reads them first; the dispatcher then checks SECRET_HASH.
 */
export interface SignInClaim<Found> {
  /**
   * The username as the request typed it and, once the strategy has found the user, the stored
   * username (and for a refresh the sub): a client may compute SECRET_HASH over any of them.
   */
  secretHashNames: string[];
  found: Found;
}

/**
 * One way to start a sign-in (an AuthFlow of InitiateAuth / AdminInitiateAuth). The AuthFlows
 * dispatcher finds it by name and checks, before `claim`, that the operation may use it and that
 * the client allows it, and between `claim` and `start` the client secret: a strategy only does
 * its own work. MFA, devices, custom auth and passwordless each come as one more strategy (or
 * challenge handler) in auth-flows.registry.ts.
 */
export interface AuthFlowStrategy<Found = unknown> {
  /** The AuthFlow names it serves (a current name and its legacy one). */
  readonly flows: readonly string[];
  /** Which operations may start it: some flows are for a trusted back end only, some for clients only. */
  readonly operations: readonly SignInOperation[];
  /** The ExplicitAuthFlows permission the client needs; none when every client may use it. */
  readonly allowedBy?: ExplicitFlow;
  /** Reads and checks the AuthParameters up to who the request is for (see SignInClaim). */
  claim(auth: ClientForAuth, params: Record<string, string>): Promise<SignInClaim<Found>>;
  /**
   * `validationData` is the request's ClientMetadata: Cognito hands it to PreAuthentication and
   * UserMigration as `request.validationData` (and to no other sign-in trigger).
   */
  start(
    auth: ClientForAuth,
    params: Record<string, string>,
    found: Found,
    validationData?: Record<string, string>,
  ): Promise<InitiateAuthResponse>;
}

/** The answer to one ChallengeName of RespondToAuthChallenge / AdminRespondToAuthChallenge. */
export interface ChallengeHandler<Found = unknown> {
  readonly challenge: string;
  /**
   * The ExplicitAuthFlows permission the client needs to answer it (any one of a list); none when
   * every client may.
   */
  readonly allowedBy?: ExplicitFlow | readonly ExplicitFlow[];
  /** Reads and checks the Session and ChallengeResponses up to who answers (see SignInClaim). */
  claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<Found>>;
  answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    found: Found,
    /** The request's ClientMetadata, for the triggers that receive it (CUSTOM_CHALLENGE's). */
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse>;
}

/** Injection tokens of the registered strategies and challenge handlers (auth-flows.registry.ts). */
export const AUTH_FLOW_STRATEGIES = Symbol('AUTH_FLOW_STRATEGIES');
export const CHALLENGE_HANDLERS = Symbol('CHALLENGE_HANDLERS');
