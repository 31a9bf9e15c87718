import { Field, Type } from 'protobufjs';

/**
 * Between a typed admin message (as @grpc/proto-loader decodes and encodes it: camelCased field
 * names, 64-bit integers as numbers, bytes as Buffers) and the operation's AWS JSON (ADR 0052).
 * Each field's json_name is its AWS member name. Timestamps are google.protobuf.Timestamp on the
 * gRPC side and epoch seconds (a number, as AWS JSON 1.1 sends them) on the JSON side; bytes are
 * base64 in JSON; google.protobuf.Value stands for AWS document members. An unset optional scalar,
 * an unset message and an empty repeated or map field are all "member absent".
 */

const TIMESTAMP = '.google.protobuf.Timestamp';
const VALUE = '.google.protobuf.Value';

type Obj = Record<string, unknown>;

function awsName(field: Field): string {
  const json: unknown = field.options?.json_name;
  return typeof json === 'string' ? json : field.name;
}

/** The AWS JSON input of a decoded typed request. */
export function typedToAws(type: Type, message: Obj): Obj {
  const out: Obj = {};
  for (const field of type.fieldsArray) {
    field.resolve();
    const v = message[field.name];
    if (v === undefined || v === null) continue;
    if (field.map) {
      const entries = Object.entries(v as Obj);
      if (entries.length)
        out[awsName(field)] = Object.fromEntries(entries.map(([k, x]) => [k, toAws(field, x)]));
    } else if (field.repeated) {
      const list = v as unknown[];
      if (list.length) out[awsName(field)] = list.map((x) => toAws(field, x));
    } else {
      out[awsName(field)] = toAws(field, v);
    }
  }
  return out;
}

function toAws(field: Field, v: unknown): unknown {
  const t = field.resolvedType;
  if (t instanceof Type) {
    if (t.fullName === TIMESTAMP) {
      const ts = v as { seconds?: unknown; nanos?: unknown };
      return Number(ts.seconds ?? 0) + Number(ts.nanos ?? 0) / 1e9;
    }
    if (t.fullName === VALUE) return fromValue(v as Obj);
    return typedToAws(t, v as Obj);
  }
  if (field.type === 'bytes') return Buffer.from(v as Uint8Array).toString('base64');
  if (field.type === 'int64' || field.type === 'uint64' || field.type === 'sint64') return Number(v);
  return v;
}

/** The typed response of an operation's AWS JSON output; members the proto does not know are left out. */
export function awsToTyped(type: Type, json: unknown): Obj {
  const out: Obj = {};
  if (typeof json !== 'object' || json === null) return out;
  const src = json as Obj;
  for (const field of type.fieldsArray) {
    field.resolve();
    const v = src[awsName(field)];
    if (v === undefined || v === null) continue;
    if (field.map) {
      if (typeof v === 'object' && !Array.isArray(v))
        out[field.name] = Object.fromEntries(mapEntries(v as Obj).map(([k, x]) => [k, toTyped(field, x)]));
    } else if (field.repeated) {
      if (Array.isArray(v)) out[field.name] = v.map((x) => toTyped(field, x));
    } else {
      out[field.name] = toTyped(field, v);
    }
  }
  return out;
}

function toTyped(field: Field, v: unknown): unknown {
  const t = field.resolvedType;
  if (t instanceof Type) {
    if (t.fullName === TIMESTAMP) return timestamp(v);
    if (t.fullName === VALUE) return toValue(v);
    return awsToTyped(t, v);
  }
  switch (field.type) {
    case 'bytes':
      return typeof v === 'string' ? Buffer.from(v, 'base64') : v;
    case 'string':
      return typeof v === 'string' ? v : String(v);
    case 'bool':
      return v === true || v === 'true';
    default:
      return typeof v === 'number' ? v : Number(v);
  }
}

/** Epoch seconds (AWS JSON), an ISO 8601 string (AWS query) or a Date -> a Timestamp. */
export function timestamp(v: unknown): { seconds: number; nanos: number } {
  const ms =
    typeof v === 'number'
      ? v * 1000
      : v instanceof Date
        ? v.getTime()
        : typeof v === 'string'
          ? Date.parse(v)
          : NaN;
  if (!Number.isFinite(ms)) return { seconds: 0, nanos: 0 };
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

/** A google.protobuf.Value as proto-loader decodes it (oneof `kind`) -> plain JSON. */
function fromValue(v: Obj): unknown {
  const kind =
    typeof v.kind === 'string'
      ? v.kind
      : Object.keys(v).find((k) => k.endsWith('Value') && v[k] !== undefined && v[k] !== null);
  switch (kind) {
    case 'structValue': {
      const fields = ((v.structValue as Obj).fields ?? {}) as Obj;
      return Object.fromEntries(Object.entries(fields).map(([k, x]) => [k, fromValue(x as Obj)]));
    }
    case 'listValue':
      return (((v.listValue as Obj).values ?? []) as Obj[]).map(fromValue);
    case 'stringValue':
    case 'numberValue':
    case 'boolValue':
      return v[kind];
    case undefined:
    default:
      return null;
  }
}

/** Plain JSON -> a google.protobuf.Value. */
function toValue(v: unknown): Obj {
  if (v === null || v === undefined) return { nullValue: 'NULL_VALUE' };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (Array.isArray(v)) return { listValue: { values: v.map(toValue) } };
  return {
    structValue: { fields: Object.fromEntries(Object.entries(v as Obj).map(([k, x]) => [k, toValue(x)])) },
  };
}

/**
 * A map member's entries: an object's own, or the items of a map a Query service answers in the
 * Query protocol's form, `{ entry: [{ key, value }] }` (IAM's EvalDecisionDetails, ADR 0087).
 */
function mapEntries(v: Obj): [string, unknown][] {
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'entry' && Array.isArray(v.entry)) {
    return (v.entry as Obj[]).flatMap((e) =>
      e && typeof e.key === 'string' ? [[e.key, e.value] as [string, unknown]] : [],
    );
  }
  return Object.entries(v);
}
