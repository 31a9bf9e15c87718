import { Controller, Inject, Param, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { UserDirectoryOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { BodyTimeoutError, BodyTooLargeError, readRawBody } from '../http/raw-body.reader';
import { requestIdOf } from '../http/request-context.middleware';

/** The largest file a job takes: the user directory's limit (ADR 0045), checked here first. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
/** Bytes per bus message: well under the broker's message size once base64-encoded. */
export const UPLOAD_PART_BYTES = 256 * 1024;
/** A large file on a slow link: more time than an API call's body gets. */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const JOB_ID = /^import-[0-9a-zA-Z-]{1,48}$/;

function s3Error(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/xml')
    .send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestIdOf(res)}</RequestId></Error>`,
    );
}

/**
 * A user import job's PreSignedUrl (ADR 0045): where Cognito answers an S3 pre-signed PUT URL,
 * idfed serves `PUT /user-import/<pool>/<job>?Expires=..&Signature=..` itself. As with Cognito's S3
 * URL, the request must carry `x-amz-server-side-encryption: aws:kms` (scripts written for Cognito
 * send it); errors are S3's XML. The body goes to the user directory in parts over the bus, each
 * checked there against the URL's signature, expiry and the job's state.
 */
@Controller('user-import')
export class UserImportUploadController {
  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  @Put(':userPoolId/:jobId')
  async upload(
    @Param('userPoolId') userPoolId: string,
    @Param('jobId') jobId: string,
    @Query('Expires') expires: unknown,
    @Query('Signature') signature: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (
      !POOL_ID.test(userPoolId) ||
      !JOB_ID.test(jobId) ||
      typeof expires !== 'string' ||
      typeof signature !== 'string' ||
      !/^\d{1,12}$/.test(expires) ||
      !/^[\w-]{1,128}$/.test(signature)
    ) {
      return s3Error(res, 403, 'AccessDenied', 'Access Denied');
    }
    if (req.headers['x-amz-server-side-encryption'] !== 'aws:kms') {
      return s3Error(
        res,
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    }
    let body: Buffer;
    try {
      body = await readRawBody(req, MAX_CSV_BYTES, UPLOAD_TIMEOUT_MS);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        res.setHeader('Connection', 'close');
        return s3Error(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      }
      if (err instanceof BodyTimeoutError) {
        res.setHeader('Connection', 'close');
        return s3Error(
          res,
          400,
          'RequestTimeout',
          'Your socket connection to the server was not read from or written to within the timeout period.',
        );
      }
      throw err;
    }
    const uploadId = randomUUID();
    const parts = Math.max(1, Math.ceil(body.length / UPLOAD_PART_BYTES));
    const meta = { requestId: requestIdOf(res), caller: { kind: 'anonymous' as const } };
    for (let part = 0; part < parts; part++) {
      const answer = await this.bus.request(
        UserDirectoryOperations.UploadUserImportCsv,
        {
          UserPoolId: userPoolId,
          JobId: jobId,
          Expires: expires,
          Signature: signature,
          UploadId: uploadId,
          Part: part,
          Last: part === parts - 1,
          Data: body.subarray(part * UPLOAD_PART_BYTES, (part + 1) * UPLOAD_PART_BYTES).toString('base64'),
        },
        meta,
      );
      if (answer.kind === 'refused') return s3Error(res, answer.status, answer.code, answer.message);
    }
    res.setHeader('ETag', `"${createHash('md5').update(body).digest('hex')}"`);
    res.setHeader('x-amz-server-side-encryption', 'aws:kms');
    res.status(200).end();
  }
}
