import { InitiateAuthResponse, RespondToAuthChallengeResponse } from '@idfed/contracts';
import { allowsFlow } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';

/** The sign-in operations a flow can start from: InitiateAuth, or AdminInitiateAuth with the admin key. */
export type SignInOperation = 'InitiateAuth' | 'AdminInitiateAuth';

/** The ExplicitAuthFlows permissions a client can grant (each with its legacy spelling, see allowsFlow). */
export type ExplicitFlow = Parameters<typeof allowsFlow>[1];

/**
 * One way to start a sign-in (an AuthFlow of InitiateAuth / AdminInitiateAuth). The AuthFlows
 * dispatcher finds it by name and checks, before `start`, that the operation may use it and that
 * the client allows it: a strategy only does its own work. MFA, devices, custom auth and
 * passwordless each come as one more strategy (or challenge handler) in auth-flows.registry.ts.
 */
export interface AuthFlowStrategy {
  /** The AuthFlow names it serves (a current name and its legacy one). */
  readonly flows: readonly string[];
  /** Which operations may start it: some flows are for a trusted back end only, some for clients only. */
  readonly operations: readonly SignInOperation[];
  /** The ExplicitAuthFlows permission the client needs; none when every client may use it. */
  readonly allowedBy?: ExplicitFlow;
  start(auth: ClientForAuth, params: Record<string, string>): Promise<InitiateAuthResponse>;
}

/** The answer to one ChallengeName of RespondToAuthChallenge / AdminRespondToAuthChallenge. */
export interface ChallengeHandler {
  readonly challenge: string;
  /** The ExplicitAuthFlows permission the client needs to answer it; none when every client may. */
  readonly allowedBy?: ExplicitFlow;
  answer(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse>;
}

/** Injection tokens of the registered strategies and challenge handlers (auth-flows.registry.ts). */
export const AUTH_FLOW_STRATEGIES = Symbol('AUTH_FLOW_STRATEGIES');
export const CHALLENGE_HANDLERS = Symbol('CHALLENGE_HANDLERS');
