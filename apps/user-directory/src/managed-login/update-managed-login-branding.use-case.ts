import { Inject, Injectable } from '@nestjs/common';
import {
  ManagedLoginBrandingResponse,
  UpdateManagedLoginBrandingRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { checkAssets, checkSettings, MAX_ASSET_BYTES_TOTAL, mergeSettings } from './branding-rules';
import { BRANDING_ID } from './managed-login-branding-id';
import { BrandingErrors, bytesOf, toBrandingType } from './managed-login-branding-type';
import { ManagedLoginBrandingsRepository } from './managed-login-brandings.repository';

/**
 * UpdateManagedLoginBranding. Cognito "preserves existing style settings that you don't specify":
 * the given Settings are laid on the stored ones member by member, and the given Assets replace the
 * stored images of their Category and ColorMode, the others kept (an asset without Bytes keeps the
 * stored bytes). UseCognitoProvidedValues true resets the style: no settings, no images (ADR 0082).
 * Under the style's row lock, so two updates apply one after the other.
 */
@Injectable()
export class UpdateManagedLoginBrandingUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateManagedLoginBranding
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(ManagedLoginBrandingsRepository) private readonly brandings: ManagedLoginBrandingsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: UpdateManagedLoginBrandingRequest): Promise<ManagedLoginBrandingResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ManagedLoginBrandingId', { required: true, pattern: BRANDING_ID })
      .boolean('UseCognitoProvidedValues')
      .check();
    const reset = req.UseCognitoProvidedValues === true;
    if (reset && (req.Settings != null || req.Assets != null))
      throw BrandingErrors.providedValuesWithSettings();
    const settings = req.Settings != null ? checkSettings(req.Settings) : undefined;
    const assets = req.Assets != null ? checkAssets(req.Assets, false) : [];
    if (bytesOf(assets) > MAX_ASSET_BYTES_TOTAL) throw BrandingErrors.tooLarge();
    const poolId = req.UserPoolId as string;
    await this.pools.require(poolId);
    return this.transactions.run(async (tx) => {
      const row = await this.brandings.findById(
        poolId,
        (req.ManagedLoginBrandingId as string).toLowerCase(),
        tx,
      );
      if (!row) throw BrandingErrors.notFound();
      const stored = await this.brandings.assetsOf(row.id, false, tx);
      for (const a of assets) {
        if (!a.bytes && !stored.some((s) => s.category === a.category && s.colorMode === a.colorMode)) {
          throw BrandingErrors.assetWithoutBytes(a.category, a.colorMode);
        }
      }
      const next = {
        ...row,
        updatedAt: new Date(),
        ...(reset
          ? { useCognitoProvidedValues: true, settings: null }
          : settings !== undefined
            ? { useCognitoProvidedValues: false, settings: mergeSettings(row.settings ?? {}, settings) }
            : {}),
      };
      // The merged document is held to the same limits as a given one.
      if (next.settings !== null) checkSettings(next.settings);
      await this.brandings.update(next, tx);
      if (reset) await this.brandings.deleteAssets(row.id, tx);
      else {
        await this.brandings.putAssets(row.id, assets, tx);
        if ((await this.brandings.assetBytes(row.id, tx)) > MAX_ASSET_BYTES_TOTAL)
          throw BrandingErrors.tooLarge();
      }
      return {
        ManagedLoginBranding: toBrandingType(next, await this.brandings.assetsOf(row.id, true, tx), false),
      };
    });
  }
}
