import { bindTester } from './condition.operators';
import { isPresent, NormalizedContext } from './context.normalizer';
import { ConditionClause } from './policy.types';

/**
 * Evaluates a statement's Condition block ("IAM JSON policy elements: Condition" and "Conditions
 * with multiple context keys or values"):
 * - operators, and keys under one operator, combine with AND;
 * - values for one key combine with OR, and with NOR for negated operators;
 * - a key missing from the request makes the condition false, except that negated operators are
 *   then true ("If the policy condition requires that the key is not matched, such as StringNotLike
 *   or ArnNotLike, and the right key is not present, the condition is true"), ...IfExists is true,
 *   and Null is decided on presence alone;
 * - ForAllValues is true for a missing key or empty set, ForAnyValue false;
 * - without a set operator, a multivalued request key is treated as "any value": a positive
 *   operator matches if some request value matches, a negated one if no request value matches.
 *   (IAM tells policy authors to use set operators for multivalued keys; this choice keeps a
 *   negated operator the exact negation of its positive twin.)
 *
 * Returns undefined when a policy variable in a value could not be resolved: the statement is
 * then treated as not matching, whichever its effect.
 */
export function evaluateConditions(
  clauses: readonly ConditionClause[],
  context: NormalizedContext,
): boolean | undefined {
  for (const clause of clauses) {
    const result = evaluateClause(clause, context);
    if (result !== true) return result;
  }
  return true;
}

export function evaluateClause(clause: ConditionClause, context: NormalizedContext): boolean | undefined {
  const entry = context.get(clause.keyLower);
  const present = isPresent(entry);

  if (clause.base === 'Null') {
    // "true" asks for the key to be absent, "false" for it to be present; several values OR.
    return clause.operands.some((o) => o.family === 'null' && o.value === !present);
  }

  if (!present) {
    if (clause.ifExists) return true;
    if (clause.setOperator === 'ForAllValues') return true;
    if (clause.setOperator === 'ForAnyValue') return false;
    return clause.negated;
  }

  const test = bindTester(clause, context);
  if (!test) return undefined;
  const single = clause.negated ? (v: string) => !test(v) : test;
  const values = entry.values;

  if (clause.setOperator === 'ForAllValues') return values.every(single);
  if (clause.setOperator === 'ForAnyValue') return values.some(single);
  if (values.length === 1) return single(values[0]);
  return clause.negated ? values.every(single) : values.some(single);
}
