import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse, RespondToAuthChallengeResponse } from '@idfed/contracts';
import { allowsFlow } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { checkSecretHash } from '../client-secret.check';
import {
  AUTH_FLOW_STRATEGIES,
  AuthFlowStrategy,
  CHALLENGE_HANDLERS,
  ChallengeHandler,
  ExplicitFlow,
  SignInOperation,
} from './auth-flow';

/**
 * The one dispatcher of sign-in steps, shared by InitiateAuth, AdminInitiateAuth and both
 * RespondToAuthChallenge operations: it resolves the flow or challenge to its strategy, checks once
 * that the operation may use it and that the client allows it, lets the strategy read who the
 * request is for, checks the client secret (SECRET_HASH) once, and delegates. The operations only
 * validate their request and look up the client; no strategy checks the secret itself.
 */
@Injectable()
export class AuthFlows {
  private readonly strategies = new Map<string, AuthFlowStrategy>();
  private readonly challenges = new Map<string, ChallengeHandler>();

  constructor(
    @Inject(AUTH_FLOW_STRATEGIES) strategies: readonly AuthFlowStrategy[],
    @Inject(CHALLENGE_HANDLERS) challenges: readonly ChallengeHandler[],
  ) {
    for (const strategy of strategies) {
      for (const flow of strategy.flows) register(this.strategies, flow, strategy, 'auth flow');
    }
    for (const handler of challenges) register(this.challenges, handler.challenge, handler, 'challenge');
  }

  async start(
    operation: SignInOperation,
    flow: string,
    auth: ClientForAuth,
    params: Record<string, string>,
    clientMetadata?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    const strategy = this.strategies.get(flow);
    if (!strategy || !strategy.operations.includes(operation))
      throw unsupportedFlow(operation, flow, strategy);
    assertClientAllows(auth, strategy.allowedBy, flow);
    const { secretHashNames, found } = await strategy.claim(auth, params);
    checkSecretHash(auth, params.SECRET_HASH, secretHashNames);
    return strategy.start(auth, params, found, clientMetadata);
  }

  async respond(
    challenge: string,
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    const handler = this.challenges.get(challenge);
    if (!handler)
      throw CognitoErrors.invalidParameter(`${challenge} is not supported by this idfed version.`);
    const allowedBy = handler.allowedBy;
    if (typeof allowedBy === 'string' || allowedBy === undefined)
      assertClientAllows(auth, allowedBy, allowedBy);
    else if (!allowedBy.some((flow) => allowsFlow(auth.client.config, flow)))
      assertClientAllows(auth, allowedBy[0], allowedBy[0]);
    const { secretHashNames, found } = await handler.claim(auth, session, responses);
    checkSecretHash(auth, responses.SECRET_HASH, secretHashNames);
    return handler.answer(auth, responses, found, clientMetadata);
  }
}

function register<T>(map: Map<string, T>, name: string, value: T, kind: string): void {
  if (map.has(name)) throw new Error(`${kind} ${name} has two handlers`);
  map.set(name, value);
}

/** Cognito's wording: the flow as the request named it (ADMIN_NO_SRP_AUTH stays ADMIN_NO_SRP_AUTH). */
function assertClientAllows(auth: ClientForAuth, allowedBy: ExplicitFlow | undefined, named?: string): void {
  if (allowedBy && !allowsFlow(auth.client.config, allowedBy)) {
    throw CognitoErrors.invalidParameter(`${named} flow not enabled for this client`);
  }
}

function unsupportedFlow(operation: SignInOperation, flow: string, strategy: AuthFlowStrategy | undefined) {
  if (operation === 'AdminInitiateAuth') {
    return CognitoErrors.invalidParameter(
      `${flow} is not supported by AdminInitiateAuth in this idfed version.`,
    );
  }
  return strategy
    ? CognitoErrors.invalidParameter(`${flow} is only supported by AdminInitiateAuth.`)
    : CognitoErrors.invalidParameter(`${flow} is not supported by this idfed version.`);
}
