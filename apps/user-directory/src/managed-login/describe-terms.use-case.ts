import { Inject, Injectable } from '@nestjs/common';
import {
  DescribeTermsByClientRequest,
  TermsIdRequest,
  TermsResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { BRANDING_ID } from './managed-login-branding-id';
import { TermsErrors, TermsMembers, toTermsType } from './terms-type';
import { TermsRepository } from './terms.repository';

/** DescribeTerms: terms of the pool by id; another pool's are not found. */
@Injectable()
export class DescribeTermsUseCase implements OperationHandler<typeof UserDirectoryOperations.DescribeTerms> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(TermsRepository) private readonly terms: TermsRepository,
  ) {}

  async execute(req: TermsIdRequest): Promise<TermsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('TermsId', { required: true, pattern: BRANDING_ID })
      .check();
    await this.pools.require(req.UserPoolId);
    const row = await this.terms.findById(req.UserPoolId, req.TermsId.toLowerCase());
    if (!row) throw TermsErrors.notFound();
    return { Terms: toTermsType(row) };
  }
}

/** DescribeTermsByClient: the client's terms of that name. */
@Injectable()
export class DescribeTermsByClientUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeTermsByClient
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(TermsRepository) private readonly terms: TermsRepository,
  ) {}

  async execute(req: DescribeTermsByClientRequest): Promise<TermsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .string('TermsName', { required: true, ...TermsMembers.termsName })
      .check();
    await this.pools.require(req.UserPoolId);
    if (!(await this.clients.findInPool(req.UserPoolId, req.ClientId))) {
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    const row = await this.terms.findByClient(req.UserPoolId, req.ClientId, req.TermsName);
    if (!row) throw TermsErrors.notFound();
    return { Terms: toTermsType(row) };
  }
}
