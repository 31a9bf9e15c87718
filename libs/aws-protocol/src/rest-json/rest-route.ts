/**
 * A REST-JSON route: botocore's method and `requestUri` template (`/identitypools/{IdentityPoolId}`)
 * compiled once to match request paths and bind their labels. Each label is one whole segment,
 * percent-decoded; the SDKs encode a label's `:` and `/` so neither can shift a segment.
 */
export interface RestRouteSpec {
  method: string;
  path: string;
}

export interface RestRoute<T> {
  readonly method: string;
  readonly template: string;
  readonly value: T;
  /** Member name for each label segment, undefined for a literal segment. */
  readonly segments: readonly { literal?: string; label?: string }[];
}

export type RouteMatch<T> =
  | { kind: 'matched'; value: T; labels: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' }
  | { kind: 'bad-encoding' };

export function compileRoute<T>(spec: RestRouteSpec, value: T): RestRoute<T> {
  if (!spec.path.startsWith('/')) throw new Error(`route ${spec.path} must start with /`);
  const segments = spec.path
    .slice(1)
    .split('/')
    .map((segment) => {
      const label = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!label && /[{}]/.test(segment)) throw new Error(`unsupported label in ${spec.path}`);
      return label ? { label } : { literal: segment };
    });
  return { method: spec.method, template: spec.path, value, segments };
}

/**
 * Finds the route of a raw request path (without the query string). A path no template fits is
 * not-found; one a template fits under another method is method-not-allowed; a label that is not
 * valid percent-encoded UTF-8 is bad-encoding.
 */
export function matchRoute<T>(
  routes: readonly RestRoute<T>[],
  method: string,
  rawPath: string,
): RouteMatch<T> {
  const parts = rawPath.startsWith('/') ? rawPath.slice(1).split('/') : [];
  let otherMethod = false;
  for (const route of routes) {
    const labels = bindLabels(route, parts);
    if (labels === undefined) continue;
    if (route.method !== method) {
      otherMethod = true;
      continue;
    }
    if (labels === null) return { kind: 'bad-encoding' };
    return { kind: 'matched', value: route.value, labels };
  }
  return otherMethod ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}

/** The labels of a path the route fits, undefined when it does not fit, null for bad encoding. */
function bindLabels<T>(route: RestRoute<T>, parts: string[]): Record<string, string> | null | undefined {
  if (parts.length !== route.segments.length) return undefined;
  const labels: Record<string, string> = {};
  let badEncoding = false;
  for (let i = 0; i < parts.length; i++) {
    const segment = route.segments[i];
    const raw = parts[i];
    if (segment.literal !== undefined) {
      if (raw !== segment.literal) return undefined;
      continue;
    }
    if (raw === '') return undefined;
    try {
      labels[segment.label!] = decodeURIComponent(raw);
    } catch {
      badEncoding = true;
    }
  }
  return badEncoding ? null : labels;
}
