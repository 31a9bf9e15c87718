import { Inject, Injectable } from '@nestjs/common';
import {
  DescribeManagedLoginBrandingByClientRequest,
  DescribeManagedLoginBrandingRequest,
  ManagedLoginBrandingResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { BRANDING_ID } from './managed-login-branding-id';
import { BrandingErrors, toBrandingType } from './managed-login-branding-type';
import { ManagedLoginBrandingsRepository } from './managed-login-brandings.repository';

/** DescribeManagedLoginBranding: a style of the pool by its id; another pool's is not found. */
@Injectable()
export class DescribeManagedLoginBrandingUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeManagedLoginBranding
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ManagedLoginBrandingsRepository) private readonly brandings: ManagedLoginBrandingsRepository,
  ) {}

  async execute(req: DescribeManagedLoginBrandingRequest): Promise<ManagedLoginBrandingResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ManagedLoginBrandingId', { required: true, pattern: BRANDING_ID })
      .boolean('ReturnMergedResources')
      .check();
    await this.pools.require(req.UserPoolId);
    const row = await this.brandings.findById(req.UserPoolId, req.ManagedLoginBrandingId.toLowerCase());
    if (!row) throw BrandingErrors.notFound();
    const assets = await this.brandings.assetsOf(row.id);
    return { ManagedLoginBranding: toBrandingType(row, assets, req.ReturnMergedResources === true) };
  }
}

/** DescribeManagedLoginBrandingByClient: the style of an app client of the pool. */
@Injectable()
export class DescribeManagedLoginBrandingByClientUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeManagedLoginBrandingByClient
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(ManagedLoginBrandingsRepository) private readonly brandings: ManagedLoginBrandingsRepository,
  ) {}

  async execute(req: DescribeManagedLoginBrandingByClientRequest): Promise<ManagedLoginBrandingResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .boolean('ReturnMergedResources')
      .check();
    await this.pools.require(req.UserPoolId);
    if (!(await this.clients.findInPool(req.UserPoolId, req.ClientId))) {
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    const row = await this.brandings.findByClient(req.UserPoolId, req.ClientId);
    if (!row) throw BrandingErrors.notFound();
    const assets = await this.brandings.assetsOf(row.id);
    return { ManagedLoginBranding: toBrandingType(row, assets, req.ReturnMergedResources === true) };
  }
}
