import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthForgotPasswordRequest,
  OAuthSignInOutcome,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { ForgotPasswordUseCase } from '../users/forgot-password.use-case';
import { AuthorizeRequests } from './authorize-request';
import { secretHashFor } from './hosted-sign-in';
import { isSecurityRefusal, SECURITY_REFUSAL } from '../risk/threat-protection';

/**
 * The hosted forgotten-password page (ADR 0026): ForgotPassword as the API runs it, then the reset
 * page with the same words whoever the name is (no destination shown: it would tell), and after the
 * same work (ADR 0037).
 */
@Injectable()
export class OAuthForgotPasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthForgotPassword
> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(ForgotPasswordUseCase) private readonly forgot: ForgotPasswordUseCase,
  ) {}

  async execute(req: OAuthForgotPasswordRequest, meta?: CommandMeta): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    const { auth } = checked;
    const clientName = auth.client.name;
    const username = typeof req.Username === 'string' ? req.Username.trim() : '';
    if (!username) return { kind: 'forgot', clientName, message: 'Enter your username.' };
    try {
      // Hiding users whatever the client says: the page tells nobody, in words or in time (ADR 0037).
      await this.forgot.request(
        {
          ClientId: auth.client.id,
          Username: username,
          ...(auth.secret ? { SecretHash: secretHashFor(auth, username) } : {}),
        },
        // The page's caller, for threat protection's block list and event (ADR 0083).
        { hideExistence: true, context: { sourceIp: meta?.sourceIp, userAgent: meta?.userAgent } },
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      // A blocked address is refused before any name is looked at: the same page for every name.
      if (isSecurityRefusal(err)) return { kind: 'forgot', clientName, message: SECURITY_REFUSAL };
    }
    return {
      kind: 'reset',
      clientName,
      username,
      message: 'If the account exists, a code to reset its password was sent to its verified email or phone.',
    };
  }
}
