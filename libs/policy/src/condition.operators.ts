import { cidrContains, parseCidr } from './cidr.matcher';
import { parseBase64, parseBool, parseDate, parseNumber } from './condition.values';
import { NormalizedContext } from './context.normalizer';
import { MalformedPolicyDocumentError, PolicyErrors } from './policy.errors';
import {
  BaseOperator,
  Cidr,
  CompiledPattern,
  ConditionClause,
  ConditionOperand,
  SetOperator,
  ValueTester,
} from './policy.types';
import { compilePattern, resolvePattern, resolveToString, variableKey } from './variables.resolver';
import { compileAlternation, DynamicMatcherCache, isArnShaped } from './wildcard.matcher';

/**
 * The condition operators of "IAM JSON policy elements: Condition operators". Each negated
 * operator is described as its positive twin plus `negated`, so that a negated test is exactly
 * "no policy value matches" (IAM: multiple values of a negated operator combine with NOR).
 */

type Family =
  'string' | 'stringIgnoreCase' | 'like' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';
type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

interface OperatorSpec {
  readonly family: Family;
  readonly negated: boolean;
  readonly comparison: Comparison;
}

const spec = (family: Family, negated = false, comparison: Comparison = 'eq'): OperatorSpec => ({
  family,
  negated,
  comparison,
});

const OPERATORS: Readonly<Record<BaseOperator, OperatorSpec>> = {
  StringEquals: spec('string'),
  StringNotEquals: spec('string', true),
  StringEqualsIgnoreCase: spec('stringIgnoreCase'),
  StringNotEqualsIgnoreCase: spec('stringIgnoreCase', true),
  StringLike: spec('like'),
  StringNotLike: spec('like', true),
  NumericEquals: spec('numeric'),
  NumericNotEquals: spec('numeric', true),
  NumericLessThan: spec('numeric', false, 'lt'),
  NumericLessThanEquals: spec('numeric', false, 'le'),
  NumericGreaterThan: spec('numeric', false, 'gt'),
  NumericGreaterThanEquals: spec('numeric', false, 'ge'),
  DateEquals: spec('date'),
  DateNotEquals: spec('date', true),
  DateLessThan: spec('date', false, 'lt'),
  DateLessThanEquals: spec('date', false, 'le'),
  DateGreaterThan: spec('date', false, 'gt'),
  DateGreaterThanEquals: spec('date', false, 'ge'),
  Bool: spec('bool'),
  BinaryEquals: spec('binary'),
  IpAddress: spec('ip'),
  NotIpAddress: spec('ip', true),
  // IAM documents ArnEquals and ArnLike as the same test (both take wildcards).
  ArnEquals: spec('arn'),
  ArnLike: spec('arn'),
  ArnNotEquals: spec('arn', true),
  ArnNotLike: spec('arn', true),
  Null: spec('null'),
};

export interface ParsedOperator {
  readonly base: BaseOperator;
  readonly setOperator?: SetOperator;
  readonly ifExists: boolean;
}

/**
 * Splits "ForAnyValue:StringLikeIfExists" into its parts. Operator names are case-sensitive, as in
 * IAM's grammar. "NullIfExists" is refused because IAM documents IfExists for every operator
 * except Null; a set operator on Null is refused because Null tests the key, not its values.
 */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let setOperator: SetOperator | undefined;
  for (const prefix of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${prefix}:`)) {
      setOperator = prefix;
      rest = rest.slice(prefix.length + 1);
      break;
    }
  }
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  if (!Object.prototype.hasOwnProperty.call(OPERATORS, rest)) return undefined;
  const base = rest as BaseOperator;
  if (base === 'Null' && (ifExists || setOperator)) return undefined;
  return { base, setOperator, ifExists };
}

/** Builds a clause, validating its values for the operator. Throws MalformedPolicyDocumentError. */
export function compileClause(
  operatorName: string,
  operator: ParsedOperator,
  key: string,
  values: readonly string[],
  variables: boolean,
  path: string,
): ConditionClause {
  const { family, negated } = OPERATORS[operator.base];
  const operands = values.map((v) => compileOperand(family, operatorName, v, variables, path));
  const dynamic = operands.some((o) => 'pattern' in o && o.pattern.hasVariables);
  const clause: ConditionClause = {
    operator: operatorName,
    base: operator.base,
    setOperator: operator.setOperator,
    ifExists: operator.ifExists,
    key,
    keyLower: key.toLowerCase(),
    values,
    negated,
    operands,
  };
  if (dynamic || family === 'null') return clause;
  return { ...clause, staticTester: bindTester(clause, new Map())! };
}

function compileOperand(
  family: Family,
  operatorName: string,
  value: string,
  variables: boolean,
  path: string,
): ConditionOperand {
  const invalid = () =>
    new MalformedPolicyDocumentError(PolicyErrors.invalidConditionValue(operatorName, value), path);
  switch (family) {
    case 'string':
    case 'stringIgnoreCase':
      return { family: 'string', pattern: compilePattern(value, { variables, wildcards: false }) };
    case 'like':
      return { family: 'like', pattern: compilePattern(value, { variables, wildcards: true }) };
    case 'arn':
      return { family: 'arn', pattern: compilePattern(value, { variables, wildcards: true }) };
    case 'numeric': {
      const n = parseNumber(value);
      if (n === undefined) throw invalid();
      return { family: 'numeric', value: n };
    }
    case 'date': {
      const ms = parseDate(value);
      if (ms === undefined) throw new MalformedPolicyDocumentError(PolicyErrors.legacyParsing, path);
      return { family: 'date', value: ms };
    }
    case 'bool':
    case 'null': {
      const b = parseBool(value);
      if (b === undefined) throw invalid();
      return { family, value: b };
    }
    case 'binary': {
      const buf = parseBase64(value);
      if (buf === undefined) throw invalid();
      return { family: 'binary', value: buf };
    }
    case 'ip': {
      const cidr = parseCidr(value);
      if (!cidr) throw invalid();
      return { family: 'ip', value: cidr };
    }
  }
}

/**
 * The positive test for one request value against all of the clause's policy values (logical OR),
 * with policy variables substituted from the request. Returns undefined when a variable cannot be
 * resolved, which makes the whole statement not match (see variables.resolver.ts).
 */
export function bindTester(clause: ConditionClause, context: NormalizedContext): ValueTester | undefined {
  if (clause.staticTester) return clause.staticTester;
  const { family, comparison } = OPERATORS[clause.base];
  switch (family) {
    case 'string':
    case 'stringIgnoreCase': {
      const fold = family === 'stringIgnoreCase';
      const set = new Set<string>();
      for (const o of clause.operands) {
        const s = resolveToString(patternOf(o), context);
        if (s === undefined) return undefined;
        set.add(fold ? s.toLowerCase() : s);
      }
      return fold ? (v) => set.has(v.toLowerCase()) : (v) => set.has(v);
    }
    case 'like':
    case 'arn': {
      const patterns = clause.operands.map(patternOf);
      const key = variableKey(patterns, context);
      if (key === undefined) return undefined;
      if (patterns.length === 0) return () => false;
      let cache = dynamicClauses.get(clause);
      if (!cache) dynamicClauses.set(clause, (cache = new DynamicMatcherCache()));
      const matcher = cache.get(key, () =>
        compileAlternation(
          patterns.map((p) => resolvePattern(p, context)!),
          family === 'like' ? 'text' : 'arn',
        ),
      );
      return family === 'like' ? (v) => matcher.test(v) : (v) => isArnShaped(v) && matcher.test(v);
    }
    case 'numeric':
    case 'date': {
      const targets = valuesOf<number>(clause);
      const read = family === 'numeric' ? parseNumber : parseDate;
      const cmp = COMPARATORS[comparison];
      return (v) => {
        const n = read(v);
        return n !== undefined && targets.some((t) => cmp(n, t));
      };
    }
    case 'bool': {
      const targets = valuesOf<boolean>(clause);
      return (v) => {
        const b = parseBool(v);
        return b !== undefined && targets.includes(b);
      };
    }
    case 'binary': {
      const targets = valuesOf<Buffer>(clause);
      return (v) => {
        const buf = parseBase64(v);
        return buf !== undefined && targets.some((t) => t.equals(buf));
      };
    }
    case 'ip': {
      const targets = valuesOf<Cidr>(clause);
      return (v) => targets.some((t) => cidrContains(t, v) === true);
    }
    case 'null':
      // Null is decided on presence alone (condition.evaluator.ts).
      return () => false;
  }
}

/** Operands of one clause all share the family compileOperand gave them for its operator. */
function patternOf(operand: ConditionOperand): CompiledPattern {
  return (operand as Extract<ConditionOperand, { pattern: CompiledPattern }>).pattern;
}

function valuesOf<T>(clause: ConditionClause): T[] {
  return clause.operands.map((o) => (o as unknown as { value: T }).value);
}

/** Per-clause regex caches for like/arn values with policy variables (see DynamicMatcherCache). */
const dynamicClauses = new WeakMap<ConditionClause, DynamicMatcherCache>();

const COMPARATORS: Readonly<Record<Comparison, (a: number, b: number) => boolean>> = {
  eq: (a, b) => a === b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
};
