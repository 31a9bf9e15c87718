import { PassThrough } from 'node:stream';
import type { Request } from 'express';
import { BodyTooLargeError, readRawBody } from './raw-body.reader';

function request(headers: Record<string, string> = {}): PassThrough & Request {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & Request;
}

describe('readRawBody', () => {
  it('returns the exact bytes received', async () => {
    const req = request();
    const reading = readRawBody(req, 16);
    req.write(Buffer.from([0xe2, 0x82]));
    req.end(Buffer.from([0xac, 0x21]));
    expect(await reading).toEqual(Buffer.from([0xe2, 0x82, 0xac, 0x21]));
  });

  it('refuses a declared length over the limit after draining the body', async () => {
    const req = request({ 'content-length': '17' });
    const reading = readRawBody(req, 16);
    req.end(Buffer.alloc(17));
    await expect(reading).rejects.toMatchObject({ errorName: 'RequestEntityTooLargeException', status: 413 });
  });

  it('refuses a body that grows past the limit without a declared length', async () => {
    const req = request();
    const reading = readRawBody(req, 16);
    req.write(Buffer.alloc(10));
    req.end(Buffer.alloc(10));
    const err = await reading.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect((err as BodyTooLargeError).closeConnection).toBe(false);
  });

  it('stops reading a client that keeps sending far past the limit', async () => {
    const req = request();
    const reading = readRawBody(req, 16);
    req.write(Buffer.alloc(5 * 1024 * 1024));
    const err = await reading.catch((e: unknown) => e);
    expect((err as BodyTooLargeError).closeConnection).toBe(true);
  });
});
