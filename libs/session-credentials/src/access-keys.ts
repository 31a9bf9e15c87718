import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `ASIA` + 16 base-32 characters: the shape of an AWS temporary access key id. */
export const TEMPORARY_ACCESS_KEY_ID = /^ASIA[A-Z2-7]{16}$/;

/** 80 random bits behind the prefix (each byte keeps 5 of its bits: 256 is a multiple of 32, so no bias). */
export function newTemporaryAccessKeyId(): string {
  return `ASIA${[...randomBytes(16)].map((b) => BASE32[b % 32]).join('')}`;
}

/** 30 random bytes are exactly 40 base64 characters, the length of an AWS secret access key. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export function isTemporaryAccessKeyId(accessKeyId: string): boolean {
  return TEMPORARY_ACCESS_KEY_ID.test(accessKeyId);
}
