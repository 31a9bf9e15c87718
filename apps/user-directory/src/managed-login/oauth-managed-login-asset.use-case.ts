import { Inject, Injectable } from '@nestjs/common';
import {
  OAuthManagedLoginAssetRequest,
  OAuthManagedLoginAssetResult,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { BRANDING_ID } from './managed-login-branding-id';
import { ManagedLoginBrandingsRepository } from './managed-login-brandings.repository';

const NAME = /^[A-Z_]{1,32}$/;

/**
 * An image of a managed login branding for its URL on the hosted pages (not a Cognito operation):
 * the style's id and the pool both name it, so a URL cannot reach another pool's images.
 */
@Injectable()
export class OAuthManagedLoginAssetUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthManagedLoginAsset
> {
  constructor(
    @Inject(ManagedLoginBrandingsRepository) private readonly brandings: ManagedLoginBrandingsRepository,
  ) {}

  async execute(req: OAuthManagedLoginAssetRequest): Promise<OAuthManagedLoginAssetResult> {
    if (
      typeof req.UserPoolId !== 'string' ||
      req.UserPoolId.length > 55 ||
      typeof req.ManagedLoginBrandingId !== 'string' ||
      !BRANDING_ID.test(req.ManagedLoginBrandingId) ||
      !NAME.test(String(req.Category)) ||
      !NAME.test(String(req.ColorMode))
    ) {
      return {};
    }
    const found = await this.brandings.asset(
      req.UserPoolId,
      req.ManagedLoginBrandingId.toLowerCase(),
      req.Category,
      req.ColorMode,
    );
    if (!found) return {};
    return {
      Extension: found.extension,
      Bytes: found.bytes.toString('base64'),
      Version: String(found.updatedAt.getTime()),
    };
  }
}
