import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AwsError,
  isAwsJsonContentType,
  isFormContentType,
  jsonResponse,
  parseAmzTarget,
  parseJsonRequestBody,
  readAmzTarget,
  validateOperationInput,
} from '@idfed/aws-protocol';
import { Caller } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { writeAwsResponse } from '../http/aws-response.writer';
import { commandMeta } from '../http/command-meta';
import { readRawBody } from '../http/raw-body.reader';
import { requestIdOf } from '../http/request-context.middleware';
import { accessTokenOfAnotherRegion, unsignedRequestRegion } from '../http/request-region';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { OPERATION_LOCAL } from '../http/request-metrics';
import { QueryDispatcher } from '../query/query.dispatcher';
import { AdminSignatureVerifier } from './admin-signature.verifier';
import { findJsonOperation } from './json-operations.table';
import { RefusedCallRecorder } from '@idfed/authorizer';

/**
 * AWS JSON 1.1 on `POST /`: a protocol adapter only. It finds the operation from X-Amz-Target
 * (a header, or a query parameter in a presigned URL),
 * authenticates the caller, forwards the payload unchanged to the owning service and copies the
 * answer back. Errors are thrown and rendered by AwsExceptionFilter. A form-encoded POST without
 * X-Amz-Target is the Query protocol (STS, IAM) and goes to the QueryDispatcher.
 */
@Controller()
export class JsonRpcController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(RefusedCallRecorder) private readonly refusals: RefusedCallRecorder,
    @Inject(AdminSignatureVerifier) private readonly signatures: AdminSignatureVerifier,
    @Inject(QueryDispatcher) private readonly query: QueryDispatcher,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  @Post()
  async handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    const requestId = requestIdOf(res);
    // The size limit comes first: nothing else is worth doing for a body that will be refused.
    const body = await readRawBody(req);
    // The target (header, or query string when presigned) alone picks the protocol: with one, JSON
    // 1.1; without, a form POST is Query. So Content-Type never chooses between two operations.
    const targetText = readAmzTarget(req.headersDistinct, queryStringOf(req));
    if (targetText === undefined && isFormContentType(req.headers['content-type'])) {
      return this.query.dispatch(req, res, body);
    }
    const target = parseAmzTarget(targetText);
    const operation = target && findJsonOperation(target.servicePrefix, target.operation);
    if (!operation) {
      throw new AwsError('UnknownOperationException', `Unknown operation ${describeTarget(targetText)}`);
    }
    res.locals[OPERATION_LOCAL] = target.operation;
    if (!isAwsJsonContentType(req.headers['content-type'])) {
      throw new AwsError('SerializationException', 'Content-Type must be application/x-amz-json-1.1.');
    }
    // Unsigned operations ignore any signature: a client that signs everything must still work.
    // Signed ones need the target signed too (AdminSignatureVerifier): the signature covers the operation.
    const signed = operation.signed
      ? await this.signatures.verify(req, body, operation.signingName)
      : undefined;
    const caller: Caller = signed?.caller ?? { kind: 'anonymous' };
    let payload: unknown;
    let region: string | undefined;
    try {
      payload = validateOperationInput(operation.api, target.operation, parseJsonRequestBody(body));
      // The region is the signature's; an unsigned request's is its endpoint's or its ids' (ADR 0032).
      region = signed?.region ?? unsignedRequestRegion(this.options.env, req.headers.host, payload);
      // A token of another region's pool is unknown at this regional endpoint (ADR 0065).
      if (
        operation.api === 'cognito-idp' &&
        accessTokenOfAnotherRegion(this.options.env, req.headers.host, payload)
      )
        throw new AwsError('NotAuthorizedException', 'Invalid Access Token');
      // An IAM user's request is decided by the user's policies; the admin key's is not (the root).
      if (signed)
        await this.signatures.authorizeIamUser(req, operation.api, target.operation, payload, signed.region);
    } catch (err) {
      // A signed caller's call refused here is audited by the operation's service (ADR 0075).
      if (signed)
        this.refusals.record(
          operation.command,
          payload,
          commandMeta(req, requestId, caller, signed.region),
          err,
        );
      throw err;
    }
    const result: unknown = await this.bus.request(
      operation.command,
      payload,
      commandMeta(req, requestId, caller, region),
    );
    if (signed) this.signatures.forgetResourceTags(operation.api, target.operation, payload, signed.region);
    writeAwsResponse(res, jsonResponse(result, requestId));
  }
}

function queryStringOf(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? '' : req.originalUrl.slice(at + 1);
}

function describeTarget(header: string | undefined): string {
  if (header === undefined || header === '') return '(no X-Amz-Target header)';
  return header.replace(/[^\w.-]/g, '?').slice(0, 128);
}
