import { Inject, Injectable } from '@nestjs/common';
import {
  GetSigningCertificateRequest,
  GetSigningCertificateResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { SamlKeyStore } from './saml-key-store';

/**
 * GetSigningCertificate: the certificate of the key the pool signs its SAML requests with (ADR 0059),
 * made on the first call when no request has needed it yet; the same certificate every time after.
 */
@Injectable()
export class GetSigningCertificateUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetSigningCertificate
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(SamlKeyStore) private readonly keys: SamlKeyStore,
  ) {}

  async execute(req: GetSigningCertificateRequest): Promise<GetSigningCertificateResponse> {
    RequestValidator.of(req).string('UserPoolId', Members.userPoolId).check();
    await this.pools.require(req.UserPoolId);
    return { Certificate: await this.keys.signingCertificate(req.UserPoolId) };
  }
}
