import { Inject, Injectable } from '@nestjs/common';
import { DeleteManagedLoginBrandingRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { BRANDING_ID } from './managed-login-branding-id';
import { BrandingErrors } from './managed-login-branding-type';
import { ManagedLoginBrandingsRepository } from './managed-login-brandings.repository';

/** DeleteManagedLoginBranding: the style and its images; the client's pages fall back to the classic look. */
@Injectable()
export class DeleteManagedLoginBrandingUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteManagedLoginBranding
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ManagedLoginBrandingsRepository) private readonly brandings: ManagedLoginBrandingsRepository,
  ) {}

  async execute(req: DeleteManagedLoginBrandingRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ManagedLoginBrandingId', { required: true, pattern: BRANDING_ID })
      .check();
    await this.pools.require(req.UserPoolId);
    if (!(await this.brandings.delete(req.UserPoolId, req.ManagedLoginBrandingId.toLowerCase()))) {
      throw BrandingErrors.notFound();
    }
    return {};
  }
}
