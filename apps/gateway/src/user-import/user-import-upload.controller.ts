import { Controller, Inject, Param, Put, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { UserDirectoryOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { requestIdOf } from '../http/request-context.middleware';
import { readInParts } from './upload-parts.reader';

/** The largest file a job takes: Cognito's 100 MB, the user directory's limit (ADR 0070), checked here first. */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;
/** Bytes per bus message: well under the broker's message size once base64-encoded. */
export const UPLOAD_PART_BYTES = 256 * 1024;
/** How long an upload may send nothing before it is cut off (S3's RequestTimeout is about idleness too). */
const UPLOAD_IDLE_MS = 60_000;

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const JOB_ID = /^import-[0-9a-zA-Z-]{1,48}$/;

function s3Error(res: Response, status: number, code: string, message: string, extra = ''): void {
  res
    .status(status)
    .type('application/xml')
    .send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>${requestIdOf(res)}</RequestId></Error>`,
    );
}

/** S3's answer to a PUT over its limit, and the connection is not reused: the rest is never read. */
function tooLarge(res: Response, proposed: number | undefined): void {
  res.setHeader('Connection', 'close');
  const sizes =
    (proposed === undefined ? '' : `<ProposedSize>${proposed}</ProposedSize>`) +
    `<MaxSizeAllowed>${MAX_CSV_BYTES}</MaxSizeAllowed>`;
  s3Error(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', sizes);
}

/**
 * A user import job's PreSignedUrl (ADR 0045): where Cognito answers an S3 pre-signed PUT URL,
 * idfed serves `PUT /user-import/<pool>/<job>?Expires=..&Signature=..` itself. As with Cognito's S3
 * URL, the request must carry `x-amz-server-side-encryption: aws:kms` (scripts written for Cognito
 * send it); errors are S3's XML. The body goes to the user directory in parts over the bus as it
 * arrives (ADR 0070: never held whole, up to Cognito's 100 MB), each checked there against the URL's
 * signature, expiry and the job's state.
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
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > MAX_CSV_BYTES) return tooLarge(res, declared);
    const uploadId = randomUUID();
    const meta = { requestId: requestIdOf(res), caller: { kind: 'anonymous' as const } };
    const md5 = createHash('md5');
    let part = 0;
    let refusal: { status: number; code: string; message: string } | undefined;
    const outcome = await readInParts(
      req,
      { partBytes: UPLOAD_PART_BYTES, limit: MAX_CSV_BYTES, idleMs: UPLOAD_IDLE_MS },
      async (data, last) => {
        md5.update(data);
        const answer = await this.bus.request(
          UserDirectoryOperations.UploadUserImportCsv,
          {
            UserPoolId: userPoolId,
            JobId: jobId,
            Expires: expires,
            Signature: signature,
            UploadId: uploadId,
            Part: part++,
            Last: last,
            Data: data.toString('base64'),
          },
          meta,
        );
        if (answer.kind === 'refused') refusal = answer;
        return answer.kind === 'stored';
      },
    );
    switch (outcome.kind) {
      case 'too-large':
        return tooLarge(res, Number.isNaN(declared) ? undefined : declared);
      case 'timeout':
        res.setHeader('Connection', 'close');
        return s3Error(
          res,
          400,
          'RequestTimeout',
          'Your socket connection to the server was not read from or written to within the timeout period.',
        );
      case 'stopped':
        // The rest of the body is not read: the connection is not reused.
        res.setHeader('Connection', 'close');
        return s3Error(res, refusal!.status, refusal!.code, refusal!.message);
      case 'done':
        break;
    }
    res.setHeader('ETag', `"${md5.digest('hex')}"`);
    res.setHeader('x-amz-server-side-encryption', 'aws:kms');
    res.status(200).end();
  }
}
