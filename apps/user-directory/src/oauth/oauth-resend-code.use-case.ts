import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthResendCodeRequest,
  OAuthSignInOutcome,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { ResendConfirmationCodeUseCase } from '../users/resend-confirmation-code.use-case';
import { AuthorizeRequests } from './authorize-request';
import { secretHashFor } from './hosted-sign-in';
import { isSecurityRefusal, SECURITY_REFUSAL } from '../risk/threat-protection';

/**
 * The confirmation page's "Resend code" (ADR 0026): ResendConfirmationCode as the API runs it, and
 * the same page and words whatever became of it (unknown, confirmed or unconfirmed user).
 */
@Injectable()
export class OAuthResendCodeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthResendCode
> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(ResendConfirmationCodeUseCase) private readonly resend: ResendConfirmationCodeUseCase,
  ) {}

  async execute(req: OAuthResendCodeRequest, meta?: CommandMeta): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    const { auth } = checked;
    const username = typeof req.Username === 'string' ? req.Username.trim() : '';
    const page = (message: string): OAuthSignInOutcome => ({
      kind: 'confirm',
      clientName: auth.client.name,
      username,
      session: typeof req.Session === 'string' ? req.Session : '',
      message,
    });
    if (!username) return page('Enter your username.');
    try {
      // The page's caller goes with it: threat protection's block list and event (ADR 0083).
      await this.resend.execute(
        {
          ClientId: auth.client.id,
          Username: username,
          ...(auth.secret ? { SecretHash: secretHashFor(auth, username) } : {}),
        },
        meta,
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      // Refused before any name is looked at: the same page for every name.
      if (isSecurityRefusal(err)) return page(SECURITY_REFUSAL);
    }
    return page('If the account awaits confirmation, a new code was sent.');
  }
}
