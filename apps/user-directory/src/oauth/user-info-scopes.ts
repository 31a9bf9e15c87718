/*
 * What /oauth2/userInfo answers for the access token's scopes, as Cognito's developer guide
 * ("The user attributes endpoint") documents it (ADR 0058):
 * - `openid` alone: every attribute the app client may read;
 * - `profile`: the OIDC profile claims (name, family_name, given_name, middle_name, nickname,
 *   preferred_username, profile, picture, website, gender, birthdate, zoneinfo, locale,
 *   updated_at) and the custom attributes;
 * - `email`: email and email_verified; `phone`: phone_number and phone_number_verified.
 * When any of `profile`, `email`, `phone` is present the answer is the union of their sets, always
 * within what the client may read (the caller passes only readable attributes). `sub` and
 * `username` are always answered. `aws.cognito.signin.user.admin` and resource-server scopes
 * change nothing.
 */

const PROFILE = new Set([
  'name',
  'family_name',
  'given_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'updated_at',
]);
const EMAIL = new Set(['email', 'email_verified']);
const PHONE = new Set(['phone_number', 'phone_number_verified']);

/** The readable attributes the scopes let /oauth2/userInfo answer. */
export function userInfoAttributes(
  readable: Record<string, string>,
  scopes: readonly string[],
): Record<string, string> {
  const profile = scopes.includes('profile');
  const email = scopes.includes('email');
  const phone = scopes.includes('phone');
  if (!profile && !email && !phone) return { ...readable };
  const answered = (name: string) =>
    (profile && (PROFILE.has(name) || name.startsWith('custom:'))) ||
    (email && EMAIL.has(name)) ||
    (phone && PHONE.has(name));
  return Object.fromEntries(Object.entries(readable).filter(([name]) => answered(name)));
}
