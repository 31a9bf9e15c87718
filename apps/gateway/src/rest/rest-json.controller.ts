import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AwsError,
  bindRestRequest,
  operationShapes,
  restJsonResponse,
  validateOperationInput,
} from '@idfed/aws-protocol';
import { RefusedCallRecorder } from '@idfed/authorizer';
import { BusClient } from '@idfed/messaging';
import { writeAwsResponse } from '../http/aws-response.writer';
import { commandMeta } from '../http/command-meta';
import { readRawBody } from '../http/raw-body.reader';
import { requestIdOf } from '../http/request-context.middleware';
import { OPERATION_LOCAL } from '../http/request-metrics';
import { RestCallerAuthenticator } from './rest-caller.authenticator';
import { findRestOperation } from './rest-operations.table';

/** Where the exception filter learns that this exchange speaks REST-JSON (statuses by the model). */
export const REST_JSON_LOCAL = 'restJson';

/**
 * AWS REST-JSON (Cognito Sync, `/identitypools/...`): a protocol adapter only. The method and path
 * pick the operation from the catalog's routes; path labels, query parameters, headers and the JSON
 * body are gathered into the operation's input as botocore's model places them, checked against its
 * AWS shape, and forwarded to the owning service with the verified caller.
 */
@Controller('identitypools')
export class RestJsonController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(RestCallerAuthenticator) private readonly callers: RestCallerAuthenticator,
    @Inject(RefusedCallRecorder) private readonly refusals: RefusedCallRecorder,
  ) {}

  @All(['', '*rest'])
  async handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.locals[REST_JSON_LOCAL] = true;
    const requestId = requestIdOf(res);
    const body = await readRawBody(req);
    const [rawPath, rawQuery = ''] = splitOnce(req.originalUrl, '?');
    const match = findRestOperation(req.method, rawPath);
    switch (match.kind) {
      case 'not-found':
        throw new AwsError('UnknownOperationException', `No operation at ${describePath(rawPath)}`, 404);
      case 'method-not-allowed':
        throw new AwsError(
          'UnknownOperationException',
          `No operation for ${req.method.slice(0, 10)} ${describePath(rawPath)}`,
          405,
        );
      case 'bad-encoding':
        throw new AwsError('SerializationException', 'A path segment is not valid percent-encoded UTF-8.');
      case 'matched':
        break;
    }
    const { command, surface } = match.value;
    res.locals[OPERATION_LOCAL] = command.name;
    const caller = await this.callers.authenticate(req, body, command);
    let payload: unknown;
    try {
      const input = bindRestRequest(
        {
          method: req.method,
          labels: match.labels,
          query: new URLSearchParams(rawQuery),
          headers: req.headers,
          body,
        },
        surface,
        operationShapes(surface.api),
        command.name,
      );
      payload = validateOperationInput(surface.api, command.name, input);
      await this.callers.authorize(caller, command, payload as Record<string, unknown>);
    } catch (err) {
      // A signed caller's call refused here is audited by Cognito Sync's service, as the JSON
      // APIs' are (ADR 0075); the recorder drops an anonymous caller's.
      this.refusals.record(command, payload, commandMeta(req, requestId, caller.caller, caller.region), err);
      throw err;
    }
    const result: unknown = await this.bus.request(
      command,
      payload,
      commandMeta(req, requestId, caller.caller, caller.region),
    );
    writeAwsResponse(res, restJsonResponse(result, requestId));
  }
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}

function describePath(path: string): string {
  return path.replace(/[^\w./%:-]/g, '?').slice(0, 200);
}
