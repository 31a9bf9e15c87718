import { Inject, Injectable } from '@nestjs/common';
import {
  SetUICustomizationRequest,
  UICustomizationResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { PoolsService } from '../pools/pools.service';
import { checkCss, logoType } from './ui-customization-css';
import { toUICustomizationType } from './ui-customization-type';
import { UiCustomizationsRepository } from './ui-customizations.repository';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';

/**
 * SetUICustomization: the CSS and logo of the pool's hosted pages (ClientId `ALL` or absent) or of
 * one app client's, replaced whole (a member left out is cleared, as Cognito).
 */
@Injectable()
export class SetUICustomizationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SetUICustomization
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(UiCustomizationsRepository) private readonly customizations: UiCustomizationsRepository,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: Pick<UserDirectoryConfig, 'publicUrl'>,
  ) {}

  async execute(req: SetUICustomizationRequest): Promise<UICustomizationResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', { min: 1, max: 128, pattern: Patterns.clientId })
      .string('CSS', { max: 131072 })
      .string('ImageFile', { max: 180000 })
      .check();
    const css = req.CSS != null && req.CSS !== '' ? checkCss(req.CSS) : null;
    const image = req.ImageFile != null && req.ImageFile !== '' ? Buffer.from(req.ImageFile, 'base64') : null;
    const imageType = image ? logoType(image) : null;
    const clientId = req.ClientId ?? 'ALL';
    await this.pools.require(req.UserPoolId);
    if (clientId !== 'ALL' && !(await this.clients.findInPool(req.UserPoolId, clientId))) {
      throw CognitoErrors.clientNotFound(clientId);
    }
    const now = new Date();
    const saved = await this.customizations.upsert({
      poolId: req.UserPoolId,
      clientId,
      css,
      image,
      imageType,
      createdAt: now,
      updatedAt: now,
    });
    return { UICustomization: toUICustomizationType(saved, this.config.publicUrl) };
  }
}
