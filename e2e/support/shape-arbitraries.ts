import fc from 'fast-check';
import type { Shape, ServiceShapes } from '@idfed/aws-protocol';

/** Real resources the generated requests point at, so they reach the services' logic. */
export type Fixtures = Readonly<Record<string, string>>;

/**
 * Requests for one operation generated from its AWS input shape: valid-ish members (fixture ids
 * for the members that name a resource, enum values, lengths within the shape), then, in most
 * runs, one member made hostile.
 */
export function requestArbitrary(
  model: ServiceShapes,
  operation: string,
  fixtures: Fixtures,
  destructive: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const inputShape = model.operations[operation];
  if (!inputShape) return fc.constant({});
  const shape = model.shapes[inputShape];
  const members = Object.keys(shape.members ?? {});
  const base = structureArbitrary(model, shape, fixtures, 0);
  // A destructive operation is never sent without something AWS would refuse, so the fixtures
  // outlive most runs (a refused request must then leave them untouched).
  const mutation = destructive
    ? hostileMember(members, true).map((m) => [m])
    : fc.oneof(
        { arbitrary: fc.constant([] as [string, unknown][]), weight: 2 },
        { arbitrary: hostileMember(members, false).map((m) => [m]), weight: 3 },
      );
  // Half the time one string somewhere in the request (an attribute value, a description) carries
  // what PostgreSQL cannot store, with the rest of the request valid enough to reach the database.
  const poison = fc.option(fc.tuple(fc.nat(), fc.constantFrom('\u0000', '\ud800', '\udfff')), { freq: 1 });
  return fc.tuple(base, mutation, poison).map(([request, changes, poisoned]) => {
    const out = structuredClone(request);
    if (poisoned) poisonOneString(out, poisoned[0], poisoned[1], fixtures);
    for (const [name, value] of changes) out[name] = value;
    return out;
  });
}

function structureArbitrary(
  model: ServiceShapes,
  shape: Shape,
  fixtures: Fixtures,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(shape.members ?? {});
  const required = new Set(shape.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, shapeName] of entries) {
    const member = valueArbitrary(model, shapeName, name, fixtures, depth + 1);
    // Optional members are left out more often than not: each one is a chance to be refused early.
    record[name] = required.has(name)
      ? member
      : fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: member, weight: 1 });
  }
  return fc.record(record).map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
    return out;
  });
}

function valueArbitrary(
  model: ServiceShapes,
  shapeName: string,
  name: string,
  fixtures: Fixtures,
  depth: number,
): fc.Arbitrary<unknown> {
  const shape = model.shapes[shapeName];
  if (depth > 4) return fc.constant(undefined);
  switch (shape.type) {
    case 'structure':
      return structureArbitrary(model, shape, fixtures, depth);
    case 'list':
      return fc.array(valueArbitrary(model, shape.member!, name, fixtures, depth + 1), {
        maxLength: 3,
      });
    case 'map':
      return fc.dictionary(
        fc.string({ minLength: 1, maxLength: 12 }),
        valueArbitrary(model, shape.value!, name, fixtures, depth + 1),
        { maxKeys: 3 },
      );
    case 'string': {
      const valid = Object.hasOwn(fixtures, name)
        ? fc.oneof({ arbitrary: fc.constant(fixtures[name]), weight: 4 }, plainString(shape))
        : Object.hasOwn(SHAPE_VALUES, shapeName)
          ? fc.constantFrom(...SHAPE_VALUES[shapeName])
          : shape.enum
            ? fc.constantFrom(...shape.enum)
            : plainString(shape);
      // Now and then a string anywhere in the request carries what PostgreSQL cannot store.
      return fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: poisoned(valid), weight: 1 });
    }
    case 'integer':
    case 'long':
      return fc.integer({ min: shape.min ?? -10, max: Math.min(shape.max ?? 1000, 100_000) });
    case 'double':
    case 'float':
      return fc.double({ min: shape.min ?? 0, max: shape.max ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.integer({ min: 0, max: 2_000_000_000 });
    case 'blob':
      return fc.base64String({ maxLength: 16 });
  }
}

/** Values for shapes whose random text a pool would refuse before storing anything. */
const SHAPE_VALUES: Readonly<Record<string, readonly string[]>> = {
  // Standard attributes every pool has, so attribute writes reach the database.
  AttributeNameType: ['name', 'given_name', 'family_name', 'nickname', 'locale', 'website'],
};

function poisoned(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.constantFrom('\u0000', '\ud800', '\udfff'))
    .map(([text, bad]) => text.slice(0, 1) + bad + text.slice(1));
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'];

/** Letters, digits, `_` and `-`: text most of AWS's string patterns accept. */
function plainString(shape: Shape): fc.Arbitrary<string> {
  const min = shape.min ?? 0;
  const max = Math.max(min, Math.min(shape.max ?? 24, 24));
  return fc.string({ unit: fc.constantFrom(...LETTERS), minLength: min, maxLength: max });
}

/** What an attacker or a broken client puts in a member. */
export function hostileValue(allowBenign: boolean): fc.Arbitrary<unknown> {
  const refused: fc.Arbitrary<unknown>[] = [
    fc.integer(),
    fc.boolean(),
    fc.constant({}),
    fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
    fc.string().map((s) => `${s}\u0000${s}`),
    fc.constantFrom('\ud800', 'a\udc00', '\udbff\u0000'),
    fc.integer({ min: 70_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: 20, max: 200 }).map(deepObject),
    fc.string({ unit: 'binary', maxLength: 40 }),
  ];
  return allowBenign ? fc.oneof(fc.constant(null), ...refused) : fc.oneof(...refused);
}

function hostileMember(members: string[], destructive: boolean): fc.Arbitrary<[string, unknown]> {
  const known: fc.Arbitrary<string> = members.length ? fc.constantFrom(...members) : fc.constant('Unknown');
  const name = destructive ? known : fc.oneof(known, fc.string({ minLength: 1, maxLength: 12 }));
  return fc.tuple(name, hostileValue(!destructive));
}

function poisonOneString(
  request: Record<string, unknown>,
  pick: number,
  bad: string,
  fixtures: Fixtures,
): void {
  const leaves: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: Record<string, unknown> | unknown[]) => {
    for (const [key, value] of Object.entries(node)) {
      const k = Array.isArray(node) ? Number(key) : key;
      // Ids are refused by their patterns before anything is stored: free text is where it hurts.
      if (typeof value === 'string' && !Object.hasOwn(fixtures, key)) leaves.push([node, k]);
      else if (typeof value === 'object' && value !== null) walk(value as Record<string, unknown>);
    }
  };
  walk(request);
  if (leaves.length === 0) return;
  const [node, key] = leaves[pick % leaves.length];
  const text = (node as Record<string | number, string>)[key];
  (node as Record<string | number, string>)[key] = text.slice(0, 1) + bad + text.slice(1);
}

function deepObject(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

/** The Query form of a request: `A.B=`, `List.member.N=`, values as text. */
export function toQueryParams(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      if (value.length === 0) out[prefix] = '';
      value.forEach((v, i) => walk(`${prefix}.member.${i + 1}`, v));
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
    } else {
      // Strings as they are; numbers and booleans as their JSON text, which is what String() gives.
      out[prefix] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  };
  for (const [k, v] of Object.entries(input)) walk(k, v);
  return out;
}
