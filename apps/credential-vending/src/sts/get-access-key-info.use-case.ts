import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  GetAccessKeyInfoRequest,
  GetAccessKeyInfoResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';

/**
 * STS GetAccessKeyInfo (ADR 0039): the account an access key id belongs to. AWS answers any
 * signed caller, for any key id, without saying whether the key exists or is active (the account
 * is encoded in AWS's key ids). idfed serves one account and every key it issues (the admin key,
 * `AKIA` user keys, `ASIA` session keys) is that account's, so it answers the account for every
 * key id the model accepts: the answer reveals nothing about which keys exist.
 */
@Injectable()
export class GetAccessKeyInfoUseCase implements OperationHandler<
  typeof CredentialVendingOperations.GetAccessKeyInfo
> {
  constructor(@Inject(IamArns) private readonly arns: IamArns) {}

  execute(_req: GetAccessKeyInfoRequest): Promise<GetAccessKeyInfoResult> {
    return Promise.resolve({ Account: this.arns.accountId });
  }
}
