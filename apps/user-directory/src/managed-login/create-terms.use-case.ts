import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CreateTermsRequest, TermsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { checkLinks } from './terms-rules';
import { TermsErrors, TermsMembers, toTermsType } from './terms-type';
import { TermsRepository } from './terms.repository';

/**
 * CreateTerms: one terms document of an app client (`terms-of-use` or `privacy-policy`, each once:
 * TermsExistsException), its links per language. The sign-up page shows them once both exist.
 */
@Injectable()
export class CreateTermsUseCase implements OperationHandler<typeof UserDirectoryOperations.CreateTerms> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(TermsRepository) private readonly terms: TermsRepository,
  ) {}

  async execute(req: CreateTermsRequest): Promise<TermsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .string('TermsName', { required: true, ...TermsMembers.termsName })
      .string('TermsSource', { required: true, ...TermsMembers.termsSource })
      .string('Enforcement', { required: true, ...TermsMembers.enforcement })
      .check();
    if (req.Links == null) throw CognitoErrors.invalidParameter('Links is required.');
    const links = checkLinks(req.Links);
    await this.pools.require(req.UserPoolId);
    if (!(await this.clients.findInPool(req.UserPoolId, req.ClientId))) {
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    const now = new Date();
    const row = {
      id: randomUUID(),
      poolId: req.UserPoolId,
      clientId: req.ClientId,
      termsName: req.TermsName,
      termsSource: req.TermsSource,
      enforcement: req.Enforcement,
      links,
      createdAt: now,
      updatedAt: now,
    };
    if ((await this.terms.insert(row)) === 'exists') throw TermsErrors.exists(req.TermsName);
    return { Terms: toTermsType(row) };
  }
}
