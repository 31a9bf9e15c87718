import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CreateManagedLoginBrandingRequest,
  ManagedLoginBrandingResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { checkAssets, checkSettings, MAX_ASSET_BYTES_TOTAL } from './branding-rules';
import { BrandingErrors, bytesOf, toBrandingType } from './managed-login-branding-type';
import { ManagedLoginBrandingsRepository } from './managed-login-brandings.repository';

/**
 * CreateManagedLoginBranding: an app client's style (one a client), its Settings document and
 * images, or Cognito's provided values (ADR 0082). Everything is checked before anything is written.
 */
@Injectable()
export class CreateManagedLoginBrandingUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CreateManagedLoginBranding
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(ManagedLoginBrandingsRepository) private readonly brandings: ManagedLoginBrandingsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: CreateManagedLoginBrandingRequest): Promise<ManagedLoginBrandingResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .boolean('UseCognitoProvidedValues')
      .check();
    const provided = req.UseCognitoProvidedValues === true;
    if (provided && (req.Settings != null || req.Assets != null))
      throw BrandingErrors.providedValuesWithSettings();
    const settings = req.Settings != null ? checkSettings(req.Settings) : null;
    const assets = req.Assets != null ? checkAssets(req.Assets, true) : [];
    if (bytesOf(assets) > MAX_ASSET_BYTES_TOTAL) throw BrandingErrors.tooLarge();
    await this.pools.require(req.UserPoolId);
    if (!(await this.clients.findInPool(req.UserPoolId, req.ClientId))) {
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    const now = new Date();
    const row = {
      id: randomUUID(),
      poolId: req.UserPoolId,
      clientId: req.ClientId,
      useCognitoProvidedValues: provided,
      settings,
      createdAt: now,
      updatedAt: now,
    };
    return this.transactions.run(async (tx) => {
      if ((await this.brandings.insert(row, assets, tx)) === 'exists') throw BrandingErrors.exists();
      return {
        ManagedLoginBranding: toBrandingType(row, await this.brandings.assetsOf(row.id, true, tx), false),
      };
    });
  }
}
