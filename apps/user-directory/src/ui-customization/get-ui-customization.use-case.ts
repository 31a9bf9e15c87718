import { Inject, Injectable } from '@nestjs/common';
import {
  GetUICustomizationRequest,
  UICustomizationResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { PoolsService } from '../pools/pools.service';
import { toUICustomizationType } from './ui-customization-type';
import { UiCustomizationsRepository } from './ui-customizations.repository';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';

/** GetUICustomization: the client's own customization, else the pool's (`ALL`). */
@Injectable()
export class GetUICustomizationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetUICustomization
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(UiCustomizationsRepository) private readonly customizations: UiCustomizationsRepository,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: Pick<UserDirectoryConfig, 'publicUrl'>,
  ) {}

  async execute(req: GetUICustomizationRequest): Promise<UICustomizationResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', { min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const clientId = req.ClientId ?? 'ALL';
    await this.pools.require(req.UserPoolId);
    if (clientId !== 'ALL' && !(await this.clients.findInPool(req.UserPoolId, clientId))) {
      throw CognitoErrors.clientNotFound(clientId);
    }
    const row = await this.customizations.effective(req.UserPoolId, clientId);
    return {
      UICustomization: row
        ? toUICustomizationType(row, this.config.publicUrl)
        : { UserPoolId: req.UserPoolId, ClientId: clientId },
    };
  }
}
