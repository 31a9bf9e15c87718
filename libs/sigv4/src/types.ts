/**
 * Public shapes of the SigV4 library. Kept free of any framework type so the
 * verifier can sit behind Nest, a raw `http` server or a test harness alike.
 */

/** The parts of an HTTP request that take part in a SigV4 signature, exactly as received. */
export interface HttpRequestParts {
  /** HTTP method, e.g. 'POST'. Used verbatim: AWS signs the method as sent. */
  method: string;
  /**
   * Raw origin-form path as received, e.g. '/' or '/foo%20bar' (no query). Node only ever delivers
   * ASCII here; non-ASCII characters from other adapters are taken as text and encoded as UTF-8.
   */
  path: string;
  /** Raw query string without the leading '?', may be ''. */
  query: string;
  /**
   * Headers as Node's IncomingMessage.headers (lowercase names); other casings are tolerated.
   * Prefer `req.headersDistinct` when a signed header may repeat: Node joins repeats with ', ',
   * while SigV4 joins them with ','.
   */
  headers: Record<string, string | string[] | undefined>;
  /** The exact bytes received (a string is taken as UTF-8). */
  body: Buffer | string;
}

export interface SigV4VerifyOptions {
  /**
   * Returns the secret for an access key id, or undefined when the key is unknown. May be async.
   * Also receives the X-Amz-Security-Token if present so temporary credentials can be resolved
   * (and the token checked against the key). Errors it throws propagate unchanged.
   */
  resolveSecret(
    accessKeyId: string,
    securityToken: string | undefined,
  ): Promise<string | undefined> | string | undefined;
  /** Injectable clock (the public test vectors use 2015-08-30T12:36:00Z). */
  now?: () => Date;
  /** Expected service name(s) in the credential scope, if set. */
  service?: string | string[];
  /**
   * The region of the credential scope, if checked: one name (another is a scope mismatch), or
   * which regions are served (one refused is answered as AWS answers a region not enabled for the
   * account: the security token is invalid there).
   */
  region?: string | ((region: string) => boolean);
  /** Allowed clock skew for header auth (and for presigned URLs dated in the future). Default 300 (AWS: 5 minutes). */
  maxSkewSeconds?: number;
  /** RFC 3986 path normalisation plus double encoding. Default true (every service but S3). */
  normalizePath?: boolean;
  /**
   * Accept UNSIGNED-PAYLOAD (x-amz-content-sha256, or a presigned URL signed over it) for a
   * request with a body. Default false: only S3 accepts that on AWS. A presigned URL over an empty
   * body (how botocore presigns, e.g. STS GetCallerIdentity URLs) is accepted either way.
   */
  allowUnsignedPayload?: boolean;
  /**
   * Headers that decide what the request does (e.g. X-Amz-Target): when present, each must be
   * among the SignedHeaders, or the request is refused as 'incomplete'. Named as shown in the
   * error message; matched case-insensitively.
   */
  mustSignHeaders?: readonly string[];
}

export interface SigV4Identity {
  accessKeyId: string;
  region: string;
  service: string;
  /** Credential scope date, YYYYMMDD. */
  date: string;
  signedHeaders: string[];
  securityToken?: string;
  /** The signature the client sent (lowercase hex); safe to log, it is already public. */
  signature: string;
  method: 'header' | 'query';
  requestTime: Date;
}

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SigV4SignOptions {
  region: string;
  service: string;
  /** Signing clock; default `new Date()`. */
  now?: () => Date;
  /** Same meaning as for verification; default true (false for S3). */
  normalizePath?: boolean;
  /** Add and sign an x-amz-content-sha256 header carrying the payload hash (header form only). Default false. */
  addContentSha256Header?: boolean;
  /** Sign the literal UNSIGNED-PAYLOAD instead of the body hash. Default false. */
  unsignedPayload?: boolean;
  /**
   * Add the session token after signing instead of signing it (some services, e.g. IoT, want it
   * that way; it is the botocore "post-sts-header-after" case). Header form only.
   */
  unsignedSessionToken?: boolean;
  /** Extra header names to leave unsigned (hop-by-hop and similar headers are never signed). */
  unsignableHeaders?: string[];
}

export interface SigV4PresignOptions extends SigV4SignOptions {
  /** X-Amz-Expires in seconds, 1..604800. Default 3600. */
  expiresIn?: number;
}

/** A signed request: the input with auth headers (or auth query parameters) added, plus the signing intermediates. */
export interface SignedRequestParts extends HttpRequestParts {
  signature: string;
  signedHeaders: string[];
  /** Client-side only: useful to compare with a server's error output when debugging a signer. */
  canonicalRequest: string;
  stringToSign: string;
}
