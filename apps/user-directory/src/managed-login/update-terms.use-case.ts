import { Inject, Injectable } from '@nestjs/common';
import { TermsResponse, UpdateTermsRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { BRANDING_ID } from './managed-login-branding-id';
import { checkLinks } from './terms-rules';
import { TermsErrors, TermsMembers, toTermsType } from './terms-type';
import { TermsRepository } from './terms.repository';

/**
 * UpdateTerms: the members given replace the stored ones (Links whole), the others are kept; a
 * new TermsName another document of the client has is TermsExistsException, nothing changed.
 */
@Injectable()
export class UpdateTermsUseCase implements OperationHandler<typeof UserDirectoryOperations.UpdateTerms> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(TermsRepository) private readonly terms: TermsRepository,
  ) {}

  async execute(req: UpdateTermsRequest): Promise<TermsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('TermsId', { required: true, pattern: BRANDING_ID })
      .string('TermsName', TermsMembers.termsName)
      .string('TermsSource', TermsMembers.termsSource)
      .string('Enforcement', TermsMembers.enforcement)
      .check();
    const links = req.Links != null ? checkLinks(req.Links) : undefined;
    await this.pools.require(req.UserPoolId);
    const row = await this.terms.findById(req.UserPoolId, req.TermsId.toLowerCase());
    if (!row) throw TermsErrors.notFound();
    const next = {
      ...row,
      termsName: req.TermsName ?? row.termsName,
      termsSource: req.TermsSource ?? row.termsSource,
      enforcement: req.Enforcement ?? row.enforcement,
      links: links ?? row.links,
      updatedAt: new Date(),
    };
    const outcome = await this.terms.update(next);
    if (outcome === 'exists') throw TermsErrors.exists(next.termsName);
    if (outcome === 'gone') throw TermsErrors.notFound();
    return { Terms: toTermsType(next) };
  }
}
