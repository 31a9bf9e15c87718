import { Inject, Injectable } from '@nestjs/common';
import {
  OAuthUICustomizationRequest,
  OAuthUICustomizationResult,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { versionOf } from './ui-customization-type';
import { UiCustomizationsRepository } from './ui-customizations.repository';

const CLIENT_ID = /^[\w+]{1,128}$/;

/**
 * The look of the hosted pages (not a Cognito operation): the client's customization, else the
 * pool's `ALL` one, for the gateway to style its pages and serve the logo. An unknown pool or
 * client simply has none; the page's own request is checked by OAuthAuthorize and the others.
 */
@Injectable()
export class OAuthUICustomizationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthUICustomization
> {
  constructor(
    @Inject(UiCustomizationsRepository) private readonly customizations: UiCustomizationsRepository,
  ) {}

  async execute(req: OAuthUICustomizationRequest): Promise<OAuthUICustomizationResult> {
    const clientId = req.ClientId && CLIENT_ID.test(req.ClientId) ? req.ClientId : 'ALL';
    if (typeof req.UserPoolId !== 'string' || req.UserPoolId.length > 55) return {};
    const row = await this.customizations.effective(req.UserPoolId, clientId, req.WithImage === true);
    if (!row) return {};
    return {
      ClientId: row.clientId,
      Version: versionOf(row),
      ...(row.css !== null ? { CSS: row.css } : {}),
      ...(row.imageType !== null ? { ImageType: row.imageType } : {}),
      ...(req.WithImage === true && row.image !== null ? { Image: row.image.toString('base64') } : {}),
    };
  }
}
