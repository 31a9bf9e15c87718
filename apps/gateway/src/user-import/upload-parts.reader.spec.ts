import { PassThrough } from 'node:stream';
import { PartsOptions, readInParts } from './upload-parts.reader';

const OPTIONS: PartsOptions = { partBytes: 4, limit: 10, idleMs: 50 };

function collecting(refuseAt = Infinity) {
  const parts: { data: string; last: boolean }[] = [];
  const send = (part: Buffer, last: boolean) => {
    parts.push({ data: part.toString(), last });
    return Promise.resolve(parts.length <= refuseAt);
  };
  return { parts, send };
}

describe('readInParts', () => {
  it('hands the body on in parts of the given size as it arrives, the last one marked', async () => {
    const body = new PassThrough();
    const { parts, send } = collecting();
    const reading = readInParts(body, OPTIONS, send);
    body.write('abc');
    body.write('defgh');
    body.end('ij');
    expect(await reading).toEqual({ kind: 'done', bytes: 10 });
    expect(parts).toEqual([
      { data: 'abcd', last: false },
      { data: 'efgh', last: false },
      { data: 'ij', last: true },
    ]);
  });

  it('sends an empty last part for an empty body or one of whole parts', async () => {
    const body = new PassThrough();
    const { parts, send } = collecting();
    const reading = readInParts(body, OPTIONS, send);
    body.end('abcd');
    expect(await reading).toEqual({ kind: 'done', bytes: 4 });
    expect(parts).toEqual([
      { data: 'abcd', last: false },
      { data: '', last: true },
    ]);
  });

  it('stops past the limit, when a part is refused, and when the body goes silent', async () => {
    const big = new PassThrough();
    const tooLarge = readInParts(big, OPTIONS, collecting().send);
    big.write('0123456789');
    big.write('x');
    expect(await tooLarge).toEqual({ kind: 'too-large' });

    const refused = new PassThrough();
    const { parts, send } = collecting(1);
    const stopped = readInParts(refused, OPTIONS, send);
    refused.write('abcdefgh');
    expect(await stopped).toEqual({ kind: 'stopped' });
    expect(parts.map((p) => p.data)).toEqual(['abcd', 'efgh']);

    const silent = new PassThrough();
    const waiting = readInParts(silent, OPTIONS, collecting().send);
    silent.write('ab');
    expect(await waiting).toEqual({ kind: 'timeout' });
    silent.destroy();
  });
});
