import { Inject, Injectable } from '@nestjs/common';
import {
  AdminInitiateAuthRequest,
  AdminInitiateAuthResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { allowsFlow } from '../clients/client-config';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { AUTH_FLOWS, authParametersOf, InitiateAuthUseCase } from './initiate-auth.use-case';
import { UserSrpAuth } from './user-srp-auth';

/**
 * AdminInitiateAuth, for a trusted back end signing with the admin key: ADMIN_USER_PASSWORD_AUTH
 * (and its legacy name ADMIN_NO_SRP_AUTH) checks the password on the server; USER_SRP_AUTH and
 * REFRESH_TOKEN_AUTH work as in InitiateAuth. Same answers, challenges and tokens.
 */
@Injectable()
export class AdminInitiateAuthUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminInitiateAuth
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(InitiateAuthUseCase) private readonly initiateAuth: InitiateAuthUseCase,
    @Inject(UserSrpAuth) private readonly srp: UserSrpAuth,
  ) {}

  async execute(req: AdminInitiateAuthRequest): Promise<AdminInitiateAuthResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .oneOf('AuthFlow', AUTH_FLOWS, true)
      .check();
    const params = authParametersOf(req.AuthParameters);
    const auth = await this.clients.forAdminAuth(req.UserPoolId, req.ClientId);
    switch (req.AuthFlow) {
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        if (!allowsFlow(auth.client.config, 'ADMIN_USER_PASSWORD_AUTH')) {
          throw CognitoErrors.invalidParameter(`${req.AuthFlow} flow not enabled for this client`);
        }
        return this.initiateAuth.passwordSignIn(auth, params);
      case 'USER_SRP_AUTH':
        return this.srp.challenge(auth, params);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        return this.initiateAuth.refresh(auth, params);
      default:
        throw CognitoErrors.invalidParameter(
          `${req.AuthFlow} is not supported by AdminInitiateAuth in this idfed version.`,
        );
    }
  }
}
