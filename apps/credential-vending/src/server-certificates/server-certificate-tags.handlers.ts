import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  ListServerCertificateTagsRequest,
  ListServerCertificateTagsResult,
  TagServerCertificateRequest,
  UntagServerCertificateRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { checkPaging, checkTagKeys, checkTagList, mergeTags, tagPage, withoutTags } from '../common/iam-tags';
import { RequestValidator } from '../common/validate';
import { ServerCertificatesRepository } from './server-certificates.repository';
import { ServerCertificateLookup, validateServerCertificateName } from './server-certificates';

/** IAM TagServerCertificate: a key already there (in any case) takes the new value; 50 tags at most. */
@Injectable()
export class TagServerCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.TagServerCertificate
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ServerCertificateLookup) private readonly lookup: ServerCertificateLookup,
    @Inject(ServerCertificatesRepository) private readonly certificates: ServerCertificatesRepository,
  ) {}

  async execute(req: TagServerCertificateRequest): Promise<EmptyResult> {
    validateServerCertificateName(req);
    const added = checkTagList(RequestValidator.of(req), req.Tags);
    await this.transactions.run(async (tx) => {
      const c = await this.lookup.require(req.ServerCertificateName, tx, true);
      await this.certificates.setTags(
        c.serverCertificateId,
        mergeTags(c.tags, added, 'TagsPerServerCertificate'),
        tx,
      );
    });
    return {};
  }
}

/** IAM UntagServerCertificate: removes the keys given (in any case); absent keys are no error. */
@Injectable()
export class UntagServerCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.UntagServerCertificate
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ServerCertificateLookup) private readonly lookup: ServerCertificateLookup,
    @Inject(ServerCertificatesRepository) private readonly certificates: ServerCertificatesRepository,
  ) {}

  async execute(req: UntagServerCertificateRequest): Promise<EmptyResult> {
    validateServerCertificateName(req);
    checkTagKeys(RequestValidator.of(req)).check();
    await this.transactions.run(async (tx) => {
      const c = await this.lookup.require(req.ServerCertificateName, tx, true);
      const kept = withoutTags(c.tags, req.TagKeys);
      if (kept) await this.certificates.setTags(c.serverCertificateId, kept, tx);
    });
    return {};
  }
}

/**
 * IAM ListServerCertificateTags: "The returned list of tags is sorted by tag key" (the API
 * reference says so of this operation), paged by MaxItems.
 */
@Injectable()
export class ListServerCertificateTagsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListServerCertificateTags
> {
  constructor(@Inject(ServerCertificateLookup) private readonly lookup: ServerCertificateLookup) {}

  async execute(req: ListServerCertificateTagsRequest): Promise<ListServerCertificateTagsResult> {
    validateServerCertificateName(req);
    checkPaging(RequestValidator.of(req)).check();
    const c = await this.lookup.require(req.ServerCertificateName);
    const sorted = [...c.tags].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
    return tagPage(sorted, req);
  }
}
