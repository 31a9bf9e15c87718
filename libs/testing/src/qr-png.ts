import { inflateSync } from 'node:zlib';
import { create as qrCode } from 'qrcode';

/** A decoded PNG: width, height and one byte of grey (the first channel) a pixel. */
interface Pixels {
  width: number;
  height: number;
  grey: (x: number, y: number) => number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Reads an 8-bit, non-interlaced PNG (greyscale or RGB, with or without alpha): enough for QR codes. */
export function readPng(png: Buffer): Pixels {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = CHANNELS[body[9]];
      if (!channels) throw new Error('palette PNGs are not read');
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? out[y * stride + i - channels] : 0;
      const up = y > 0 ? out[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      out[y * stride + i] = (line[i] + predictor) & 0xff;
    }
  }
  return { width, height, grey: (x, y) => out[(y * width + x) * channels] };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * How many modules of the PNG differ from the QR code of `text` (error correction M), read at the
 * centre of each module: 0 when the picture is that text's QR code. Assumes qrcode's layout of a
 * four-module quiet zone and square modules of whole pixels.
 */
export function qrModulesDiffering(png: Buffer, text: string): number {
  const image = readPng(png);
  const modules = qrCode(text, { errorCorrectionLevel: 'M' }).modules;
  const scale = image.width / (modules.size + 8);
  if (!Number.isInteger(scale) || image.height !== image.width) return modules.size * modules.size;
  let differ = 0;
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      const dark = image.grey((x + 4) * scale + scale / 2, (y + 4) * scale + scale / 2) < 128;
      if (dark !== Boolean(modules.get(y, x))) differ++;
    }
  }
  return differ;
}
