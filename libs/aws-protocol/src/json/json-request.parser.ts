import { AwsError } from '../aws.error';

/**
 * Content types a JSON-protocol request may carry: the SDKs send x-amz-json-1.1 (1.0 for some
 * services), hand-written clients often send application/json. Parameters such as charset are
 * ignored, as AWS does.
 */
const JSON_CONTENT_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];

export function isAwsJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0].trim().toLowerCase();
  return type !== undefined && JSON_CONTENT_TYPES.includes(type);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request body as a JSON object. An empty body counts as `{}` (operations without input);
 * invalid UTF-8, invalid JSON and non-object JSON are SerializationException, as on AWS.
 */
export function parseJsonRequestBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(body));
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AwsError(
      'SerializationException',
      'Start of structure or map expected: the request body must be a JSON object.',
    );
  }
  return value as Record<string, unknown>;
}
