import { Inject, Injectable } from '@nestjs/common';
import { TermsIdRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { BRANDING_ID } from './managed-login-branding-id';
import { TermsErrors } from './terms-type';
import { TermsRepository } from './terms.repository';

/** DeleteTerms: the terms of that id in the pool; another pool's are not found. */
@Injectable()
export class DeleteTermsUseCase implements OperationHandler<typeof UserDirectoryOperations.DeleteTerms> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(TermsRepository) private readonly terms: TermsRepository,
  ) {}

  async execute(req: TermsIdRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('TermsId', { required: true, pattern: BRANDING_ID })
      .check();
    await this.pools.require(req.UserPoolId);
    if (!(await this.terms.delete(req.UserPoolId, req.TermsId.toLowerCase()))) throw TermsErrors.notFound();
    return {};
  }
}
