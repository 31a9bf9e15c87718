import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a job's upload URL works: Cognito's pre-signed S3 URL is short-lived too (ADR 0045). */
export const UPLOAD_URL_TTL_SECONDS = 3600;

/** The largest CSV file a job takes: Cognito's 100 MB (ADR 0070; the file is streamed, never held whole). */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;

/** What the URL's query names: which job, until when, and the signature over both. */
export interface UploadGrant {
  userPoolId: string;
  jobId: string;
  /** Unix seconds, as a decimal string. */
  expires: string;
}

export type UploadGrantCheck = 'valid' | 'forged' | 'expired';

/**
 * The signed, expiring, single-job grant in a user import job's upload URL (ADR 0045): an HMAC-SHA256,
 * under a key of the user directory's own, of the pool, the job and the expiry, so a URL cannot be
 * moved to another job or pool or extended. Whether the job still takes a file is the job's state.
 */
export class UploadUrlSigner {
  constructor(private readonly key: Buffer) {}

  sign(grant: UploadGrant): string {
    return createHmac('sha256', this.key).update(message(grant)).digest('base64url');
  }

  check(grant: UploadGrant, signature: string, now: Date): UploadGrantCheck {
    const expected = Buffer.from(this.sign(grant));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
    if (!/^\d{1,12}$/.test(grant.expires)) return 'forged';
    return Number(grant.expires) * 1000 <= now.getTime() ? 'expired' : 'valid';
  }

  /** The URL a client PUTs its file to, on idfed's public endpoint. */
  url(publicUrl: string, grant: UploadGrant): string {
    const query = new URLSearchParams({ Expires: grant.expires, Signature: this.sign(grant) });
    const base = publicUrl.replace(/\/+$/, '');
    return `${base}/user-import/${encodeURIComponent(grant.userPoolId)}/${encodeURIComponent(grant.jobId)}?${query.toString()}`;
  }
}

function message(g: UploadGrant): string {
  return `idfed user import upload\n${g.userPoolId}\n${g.jobId}\n${g.expires}`;
}
