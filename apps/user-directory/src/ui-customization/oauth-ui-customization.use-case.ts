import { Inject, Injectable } from '@nestjs/common';
import {
  OAuthUICustomizationRequest,
  OAuthUICustomizationResult,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { ManagedLoginBrandingsRepository } from '../managed-login/managed-login-brandings.repository';
import { TermsRepository } from '../managed-login/terms.repository';
import { versionOf } from './ui-customization-type';
import { UiCustomizationsRepository } from './ui-customizations.repository';

const CLIENT_ID = /^[\w+]{1,128}$/;

/**
 * The look of the hosted pages (not a Cognito operation): the client's customization, else the
 * pool's `ALL` one, for the gateway to style its pages and serve the logo. An unknown pool or
 * client simply has none; the page's own request is checked by OAuthAuthorize and the others.
 * A client's managed login branding and its terms documents come with it (ADR 0082).
 */
@Injectable()
export class OAuthUICustomizationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthUICustomization
> {
  constructor(
    @Inject(UiCustomizationsRepository) private readonly customizations: UiCustomizationsRepository,
    @Inject(ManagedLoginBrandingsRepository) private readonly brandings: ManagedLoginBrandingsRepository,
    @Inject(TermsRepository) private readonly terms: TermsRepository,
  ) {}

  async execute(req: OAuthUICustomizationRequest): Promise<OAuthUICustomizationResult> {
    const clientId = req.ClientId && CLIENT_ID.test(req.ClientId) ? req.ClientId : 'ALL';
    if (typeof req.UserPoolId !== 'string' || req.UserPoolId.length > 55) return {};
    const row = await this.customizations.effective(req.UserPoolId, clientId, req.WithImage === true);
    const extras =
      req.WithImage === true || clientId === 'ALL' ? {} : await this.managedLogin(req.UserPoolId, clientId);
    if (!row) return extras;
    return {
      ...extras,
      ClientId: row.clientId,
      Version: versionOf(row),
      ...(row.css !== null ? { CSS: row.css } : {}),
      ...(row.imageType !== null ? { ImageType: row.imageType } : {}),
      ...(req.WithImage === true && row.image !== null ? { Image: row.image.toString('base64') } : {}),
    };
  }

  /** The client's branding (without image bytes) and its terms, when both documents exist. */
  private async managedLogin(
    poolId: string,
    clientId: string,
  ): Promise<Pick<OAuthUICustomizationResult, 'Branding' | 'Terms'>> {
    const [branding, terms] = await Promise.all([
      this.brandings.findByClient(poolId, clientId),
      this.terms.ofClient(poolId, clientId),
    ]);
    const out: Pick<OAuthUICustomizationResult, 'Branding' | 'Terms'> = {};
    if (branding) {
      const assets = await this.brandings.assetsOf(branding.id, false);
      out.Branding = {
        ManagedLoginBrandingId: branding.id,
        Version: String(branding.updatedAt.getTime()),
        ...(branding.settings !== null ? { Settings: branding.settings } : {}),
        Assets: assets.map((a) => ({ Category: a.category, ColorMode: a.colorMode, Extension: a.extension })),
      };
    }
    // Cognito shows the terms only once both documents exist (CreateTerms' documentation).
    if (terms.length === 2) out.Terms = Object.fromEntries(terms.map((t) => [t.termsName, t.links]));
    return out;
  }
}
