import { parseJsonRequestBody } from '../json/json-request.parser';
import { ServiceShapes } from '../validation/shape-model';

/** Where the members of one REST-JSON operation travel besides the path (botocore's `location`). */
export interface RestMemberLocations {
  /** Member -> query parameter name. */
  query: Readonly<Record<string, string>>;
  /** Member -> header name. */
  headers: Readonly<Record<string, string>>;
}

export interface RestRequestParts {
  method: string;
  /** Decoded path labels, by member name. */
  labels: Record<string, string>;
  /** Decoded query parameters; a repeated one keeps its first value. */
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * Gathers one REST-JSON request into the operation's input object, as the SDK spread it: path
 * labels, query parameters and headers by their member's location, the rest from the JSON body.
 * Text from the URL or a header becomes the number the shape declares when it reads as one, so
 * the shape validator sees the same types as for a JSON body; what does not read is left as text
 * for the validator to refuse. A body member never overrides a member bound elsewhere (the URL
 * decides which resource a request acts on).
 */
export function bindRestRequest(
  parts: RestRequestParts,
  locations: RestMemberLocations,
  shapes: ServiceShapes,
  operation: string,
): Record<string, unknown> {
  const memberShapes = inputMembers(shapes, operation);
  const input: Record<string, unknown> = {};
  // A GET or DELETE has no body members: whatever a client sends along is ignored, as AWS does.
  if (parts.body.length > 0 && parts.method !== 'GET' && parts.method !== 'DELETE') {
    Object.assign(input, parseJsonRequestBody(parts.body));
  }
  const bound = new Set([
    ...Object.keys(parts.labels),
    ...Object.keys(locations.query),
    ...Object.keys(locations.headers),
  ]);
  for (const member of bound) delete input[member];
  for (const [member, value] of Object.entries(parts.labels)) input[member] = value;
  for (const [member, name] of Object.entries(locations.query)) {
    const value = parts.query.get(name);
    if (value !== null) input[member] = typed(value, memberShapes[member], shapes);
  }
  for (const [member, name] of Object.entries(locations.headers)) {
    const value = parts.headers[name.toLowerCase()];
    const text = Array.isArray(value) ? value[0] : value;
    if (text !== undefined) input[member] = typed(text, memberShapes[member], shapes);
  }
  return input;
}

function inputMembers(shapes: ServiceShapes, operation: string): Record<string, string> {
  const input = shapes.operations[operation];
  return (input && shapes.shapes[input]?.members) || {};
}

function typed(text: string, shapeName: string | undefined, shapes: ServiceShapes): unknown {
  const type = shapeName ? shapes.shapes[shapeName]?.type : undefined;
  if ((type === 'integer' || type === 'long') && /^-?\d{1,19}$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
