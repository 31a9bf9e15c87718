import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListServerCertificatesRequest,
  ListServerCertificatesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { ServerCertificatesRepository } from './server-certificates.repository';
import { toMetadata } from './server-certificates';

/** IAM ListServerCertificates: the metadata under a path prefix, in name order, paged; no tags. */
@Injectable()
export class ListServerCertificatesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListServerCertificates
> {
  constructor(
    @Inject(ServerCertificatesRepository) private readonly certificates: ServerCertificatesRepository,
  ) {}

  async execute(req: ListServerCertificatesRequest): Promise<ListServerCertificatesResult> {
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const { page, next } = await this.certificates.page(
      req.PathPrefix ?? '/',
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      ServerCertificateMetadataList: page.map(toMetadata),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
