/**
 * Request and response members whose values are secrets: passwords, codes, tokens, keys, SRP
 * proofs, client secrets, session credentials. The e2e suite records every value it sends or
 * receives under one of these names and fails if any reaches an app's log.
 */
export const SECRET_MEMBERS = new Set([
  'Password',
  'PreviousPassword',
  'ProposedPassword',
  'TemporaryPassword',
  'PASSWORD',
  'NEW_PASSWORD',
  'SECRET_HASH',
  'SecretHash',
  'ClientSecret',
  'ClientSecretValue',
  'ConfirmationCode',
  'Code',
  'AccessToken',
  'IdToken',
  'RefreshToken',
  'REFRESH_TOKEN',
  'Session',
  'SECRET_BLOCK',
  'PASSWORD_CLAIM_SECRET_BLOCK',
  'PASSWORD_CLAIM_SIGNATURE',
  'Token',
  'WebIdentityToken',
  'SAMLAssertion',
  'SecretKey',
  'SecretAccessKey',
  'SessionToken',
  'SyncSessionToken',
  'SecretCode',
  'UserCode',
  'SOFTWARE_TOKEN_MFA_CODE',
  'SMS_MFA_CODE',
  'EMAIL_OTP_CODE',
  'x-amz-security-token',
  // The OAuth endpoints' forms and JSON (token endpoint, hosted pages).
  'access_token',
  'id_token',
  'refresh_token',
  'code',
  'code_verifier',
  'client_secret',
  'password',
  'new_password',
  'token',
  'NewPassword',
  'private_key',
  // IAM SAML providers' assertion decryption keys (ADR 0055).
  'AddPrivateKey',
  // IAM virtual MFA devices' seeds and codes, STS's MFA codes (ADR 0072).
  'Base32StringSeed',
  'QRCodePNG',
  'AuthenticationCode1',
  'AuthenticationCode2',
  'TokenCode',
  // GetClientToken's client secret (ADR 0081).
  'Secret',
  // GetDerivedToken's tokens (ADR 0088).
  'SubjectToken',
  'ActorToken',
  'IssuedToken',
  // IAM ChangePassword's old password (ADR 0084); Password and NewPassword are above.
  'OldPassword',
  // IAM server certificates' private keys (ADR 0085).
  'PrivateKey',
  // IAM service-specific passwords (ADR 0085).
  'ServicePassword',
]);

/** Members whose every value is a secret: a map of identity provider to its token. */
export const SECRET_MAPS = new Set(['Logins']);

/** Shorter values are not recorded: too short to be a real secret, too likely to occur by chance. */
export const MIN_SECRET_LENGTH = 6;

/** Every secret value in a parsed JSON document, by member name. */
export function secretsInJson(value: unknown, found: { name: string; value: string }[] = []): typeof found {
  if (Array.isArray(value)) {
    for (const item of value) secretsInJson(item, found);
  } else if (value && typeof value === 'object') {
    for (const [name, member] of Object.entries(value as Record<string, unknown>)) {
      if (typeof member === 'string' && SECRET_MEMBERS.has(name)) found.push({ name, value: member });
      else if (SECRET_MAPS.has(name) && member && typeof member === 'object') {
        for (const token of Object.values(member as Record<string, unknown>)) {
          if (typeof token === 'string') found.push({ name, value: token });
        }
      } else secretsInJson(member, found);
    }
  }
  return found;
}

/** Secrets in a Query-protocol form body (`a=b&c=d`) or an XML response (`<SessionToken>...`). */
export function secretsInText(text: string): { name: string; value: string }[] {
  const found: { name: string; value: string }[] = [];
  if (text.startsWith('<')) {
    // In an error document <Code> is the error's name (ExpiredToken), which access logs carry by
    // design, not a confirmation code: the Query API's <ErrorResponse> and S3's <Error> (the user
    // import's upload URL answers as S3 does).
    const isError = text.includes('<ErrorResponse') || /^<\?xml[^>]*>\s*<Error>|^<Error>/.test(text);
    for (const m of text.matchAll(/<([A-Za-z]+)>([^<]+)<\/\1>/g)) {
      if (isError && m[1] === 'Code') continue;
      if (SECRET_MEMBERS.has(m[1])) found.push({ name: m[1], value: decodeXml(m[2]) });
    }
  } else if (/^[\w.%-]+=/.test(text)) {
    for (const [name, value] of new URLSearchParams(text)) {
      const member = name.split('.').pop() ?? name;
      if (SECRET_MEMBERS.has(member)) found.push({ name: member, value });
    }
  }
  return found;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every secret in a body of either protocol. */
export function secretsInBody(body: string): { name: string; value: string }[] {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return secretsInJson(JSON.parse(trimmed));
    } catch {
      return [];
    }
  }
  return secretsInText(trimmed);
}
