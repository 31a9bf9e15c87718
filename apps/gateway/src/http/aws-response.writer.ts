import type { Response } from 'express';
import { AwsHttpResponse } from '@idfed/aws-protocol';

/** Copies a protocol answer onto the express response, byte for byte. */
export function writeAwsResponse(res: Response, answer: AwsHttpResponse): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}
