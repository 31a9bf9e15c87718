import { ProviderAnswerRefused, ProviderSignIn } from './federation-strategy';

const MAX_ANSWER_BYTES = 64 * 1024;

interface PeopleEntry {
  metadata?: { primary?: boolean };
  [field: string]: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** A People API Date (`{year, month, day}`, year optional) as an OpenID Connect birthdate. */
function birthdate(entry: PeopleEntry): string | undefined {
  const date = entry.date as { year?: unknown; month?: unknown; day?: unknown } | undefined;
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  const [y, m, d] = [int(date?.year), int(date?.month), int(date?.day)];
  if (m === undefined || d === undefined || m < 1 || m > 12 || d < 1 || d > 31) return text(entry.text);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(y ?? 0, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * The People API fields (`personFields`) a Google provider's AttributeMapping may read, each as the
 * text of the person's primary entry (else the first). The names are the People API's own (plural,
 * as Cognito lists them for Google: `names`, `phoneNumbers`, `birthdays`, ...); the ID token's
 * claims (`email`, `given_name`, `picture`, ...) keep theirs.
 */
export const PEOPLE_FIELDS: Record<string, (entry: PeopleEntry) => string | undefined> = {
  names: (e) => text(e.displayName),
  emailAddresses: (e) => text(e.value),
  phoneNumbers: (e) => text(e.canonicalForm) ?? text(e.value),
  birthdays: birthdate,
  genders: (e) => text(e.value),
  photos: (e) => text(e.url),
  locales: (e) => text(e.value),
  addresses: (e) => text(e.formattedValue),
  nicknames: (e) => text(e.value),
  urls: (e) => text(e.value),
  organizations: (e) => text(e.name),
  occupations: (e) => text(e.value),
  biographies: (e) => text(e.value),
};

/** The People API fields the provider's AttributeMapping reads, in a stable order. */
export function peopleFieldsOf(mapping: Record<string, string>): string[] {
  const read = new Set(Object.values(mapping));
  return Object.keys(PEOPLE_FIELDS).filter((f) => read.has(f));
}

/** The person's attributes as text, by People field name, from a `people/me` answer. */
export function peopleAttributes(person: Record<string, unknown>, fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const entries = person[field];
    if (!Array.isArray(entries) || entries.length === 0) continue;
    const objects = entries.filter((e): e is PeopleEntry => typeof e === 'object' && e !== null);
    const entry = objects.find((e) => e.metadata?.primary === true) ?? objects[0];
    const value = entry && PEOPLE_FIELDS[field](entry);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/**
 * Google's attributes beyond the ID token (Cognito reads them from `attributes_url`, the People
 * API's `people/me`, ADR 0061): asked only when the AttributeMapping reads a People field, with
 * those fields as `personFields` (`attributes_url_add_attributes`), the provider's access token
 * as a Bearer header; 5 s, no redirect, 64 KiB, JSON. The answer must be the signed-in user's own
 * person (`resourceName` `people/<sub>` of the checked ID token): an answer about anyone else is
 * refused, and a refused token too.
 */
export async function readGooglePeople(
  signIn: ProviderSignIn,
  accessToken: string | undefined,
  subject: string,
  timeoutMs: number,
): Promise<Record<string, string>> {
  const fields = peopleFieldsOf(signIn.attributeMapping);
  const base = signIn.details.attributes_url;
  if (fields.length === 0 || !base) return {};
  if (!accessToken) throw new ProviderAnswerRefused('invalid_request', 'The provider gave no access token.');
  const url = new URL(base);
  if (signIn.details.attributes_url_add_attributes !== 'false')
    url.searchParams.set('personFields', fields.join(','));
  let res: Response;
  let body: string;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await res.text();
  } catch {
    throw new ProviderAnswerRefused('invalid_request', 'The provider could not be reached.');
  }
  if (Buffer.byteLength(body) > MAX_ANSWER_BYTES)
    throw new ProviderAnswerRefused('invalid_request', 'The provider’s answer is too large.');
  if (res.status < 200 || res.status > 299)
    throw new ProviderAnswerRefused('invalid_request', 'The provider refused the access token.');
  let person: unknown;
  try {
    person = JSON.parse(body);
  } catch {
    person = undefined;
  }
  if (typeof person !== 'object' || person === null || Array.isArray(person))
    throw new ProviderAnswerRefused('invalid_request', 'The provider’s answer is not JSON.');
  if ((person as { resourceName?: unknown }).resourceName !== `people/${subject}`)
    throw new ProviderAnswerRefused('invalid_request', 'The provider’s answer is about another user.');
  return peopleAttributes(person as Record<string, unknown>, fields);
}
