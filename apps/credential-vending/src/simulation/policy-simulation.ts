import { Inject, Injectable } from '@nestjs/common';
import {
  EvalDecisionDetails,
  EvaluationResult,
  SimulatePolicyResponse,
  SimulationContextEntry,
  SimulationStatement,
} from '@idfed/contracts';
import {
  ContextValue,
  MalformedPolicyDocumentError,
  MatchedStatement,
  parsePolicy,
  PolicyDocument,
  PolicyKind,
  RequestContext,
  simulate,
  SimulatedDecision,
  SimulatedPolicy,
  SimulationResult,
} from '@idfed/policy';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';

/** What a simulation request gives besides its policies (the members both Simulate actions share). */
export interface SimulationScenario {
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: SimulationContextEntry[];
  ResourceHandlingOption?: string;
  MaxItems?: number;
  Marker?: string;
}

/** The policies of a simulation, already named as the simulator reports them. */
export interface SimulationInputs {
  identity: SimulatedPolicy[];
  boundary: SimulatedPolicy[];
  /** The principal a resource policy's Principal is matched against. */
  caller?: string;
}

/**
 * IAM's policy simulator: every action of the request against every resource (`*` when none is
 * given), decided by the same policy engine as live requests (libs/policy's simulate over
 * evaluate). A page is a run of actions, each with all its resources; only the requested page is
 * evaluated, and the marker is the index of the next action (ADR 0087).
 */
@Injectable()
export class PolicySimulation {
  constructor(@Inject(IamArns) private readonly arns: IamArns) {}

  validateScenario(req: SimulationScenario): void {
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .string('ResourcePolicy', { min: 1, max: 131072 })
      .string('CallerArn', { min: 1, max: 2048 })
      .string('ResourceOwner', { min: 1, max: 2048 })
      .check();
    if (!Array.isArray(req.ActionNames) || req.ActionNames.length === 0) {
      throw IamErrors.invalidInput('ActionNames must contain at least one action.');
    }
    for (const action of req.ActionNames) {
      if (typeof action !== 'string' || !/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(action)) {
        // IAM: "This operation does not support using wildcards (*) in an action name."
        throw IamErrors.invalidInput(`Invalid action name: ${String(action).slice(0, 128)}`);
      }
    }
  }

  /** Parses input policies: a document that is not a valid policy is InvalidInput, naming which. */
  parse(
    texts: readonly string[] | undefined,
    listName: string,
    kind: PolicyKind = 'identity',
  ): SimulatedPolicy[] {
    return (texts ?? []).map((text, i) => {
      const id = `${listName}.${i + 1}`;
      return { id, sourceType: 'none', text, document: this.parseOne(text, id, kind) };
    });
  }

  /** A stored policy of the principal: named by its policy name, typed by where it is attached. */
  stored(label: string, document: string, sourceType: string): SimulatedPolicy {
    const id = label.slice(label.lastIndexOf('/') + 1);
    return { id, sourceType, text: document, document: this.parseOne(document, id, 'identity') };
  }

  /**
   * One EvaluationResult per action, as IAM answers since it reports resources apart: with
   * ResourceArns, each resource's own decision is a ResourceSpecificResult and the action's result
   * is the most restrictive of them (explicitDeny over implicitDeny over allowed), with the matched
   * statements of the resources that decided so and every resource's missing keys, once each.
   */
  run(req: SimulationScenario, inputs: SimulationInputs): SimulatePolicyResponse {
    const named = req.ResourceArns?.length ? req.ResourceArns : undefined;
    const resources = named ?? ['*'];
    const resourcePolicy =
      req.ResourcePolicy !== undefined
        ? {
            ...this.parse([req.ResourcePolicy], 'ResourcePolicy', 'resource')[0],
            id: 'ResourcePolicy',
            sourceType: 'resource',
          }
        : undefined;
    if (resourcePolicy && !inputs.caller) {
      throw IamErrors.invalidInput('CallerArn must be specified when a ResourcePolicy is given.');
    }
    const mode = this.mode(req, inputs.caller);
    const crossAccount = mode === 'cross-account';
    const context = toContext(req.ContextEntries);
    const total = req.ActionNames.length;
    const start = this.startIndex(req.Marker, total);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const end = Math.min(total, start + max);
    const results: EvaluationResult[] = [];
    for (let i = start; i < end; i++) {
      const action = req.ActionNames[i];
      const outcomes = resources.map((resource) =>
        simulate(
          {
            action,
            resource,
            context,
            ...(inputs.caller ? { principal: { type: 'AWS', id: inputs.caller } } : {}),
          },
          {
            identity: inputs.identity,
            boundary: inputs.boundary,
            // Another account's resource grants only through its own policy: none given is none.
            ...(resourcePolicy ? { resource: resourcePolicy } : {}),
            ...(resourcePolicy || crossAccount ? { resourcePolicyMode: mode } : {}),
          },
        ),
      );
      results.push(aggregate(action, resources, outcomes, named !== undefined, crossAccount));
    }
    const truncated = end < total;
    return {
      EvaluationResults: results,
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(String(end)) } : {}),
    };
  }

  private parseOne(text: string, id: string, kind: PolicyKind): PolicyDocument {
    try {
      return parsePolicy(text, { label: id, kind });
    } catch (err) {
      if (err instanceof MalformedPolicyDocumentError) {
        throw IamErrors.invalidInput(`${id} is not a valid policy: ${err.message}`);
      }
      throw IamErrors.invalidInput(`${id} is not a valid policy.`);
    }
  }

  private startIndex(marker: string | undefined, total: number): number {
    const decoded = decodeMarker(marker);
    if (decoded === undefined) return 0;
    const index = /^\d{1,9}$/.test(decoded) ? Number(decoded) : NaN;
    if (!(index > 0 && index < total)) throw IamErrors.validation('Invalid Marker.');
    return index;
  }

  /**
   * A resource owned by another account than the caller's needs both sides to allow. Without a
   * ResourceOwner the resources are the caller's account's, as IAM documents.
   */
  private mode(req: SimulationScenario, caller: string | undefined): 'same-account' | 'cross-account' {
    const callerAccount = accountOf(caller) ?? this.arns.accountId;
    const owner = accountOf(req.ResourceOwner) ?? callerAccount;
    return owner === callerAccount ? 'same-account' : 'cross-account';
  }
}

const MOST_RESTRICTIVE: readonly SimulatedDecision[] = ['explicitDeny', 'implicitDeny', 'allowed'];

function mostRestrictive(decisions: readonly SimulatedDecision[]): SimulatedDecision {
  return MOST_RESTRICTIVE.find((d) => decisions.includes(d)) ?? 'implicitDeny';
}

/** EvalDecisionDetails' keys, one per policy type simulated (not observed on AWS: ADR 0087). */
const POLICY_TYPE_KEYS: readonly [keyof SimulationResult['byPolicyType'], string][] = [
  ['identity', 'IAM Policy'],
  ['resource', 'Resource Policy'],
  ['boundary', 'PermissionsBoundaryPolicy'],
];

/** Each policy type's decision, the most restrictive over the outcomes given. */
function decisionDetails(outcomes: readonly SimulationResult[]): EvalDecisionDetails {
  const entry: EvalDecisionDetails['entry'] = [];
  for (const [type, key] of POLICY_TYPE_KEYS) {
    const decisions = outcomes.flatMap((o) => (o.byPolicyType[type] ? [o.byPolicyType[type]] : []));
    if (decisions.length) entry.push({ key, value: mostRestrictive(decisions) });
  }
  return { entry };
}

function aggregate(
  action: string,
  resources: readonly string[],
  outcomes: readonly SimulationResult[],
  named: boolean,
  crossAccount: boolean,
): EvaluationResult {
  const decision = mostRestrictive(outcomes.map((o) => o.decision));
  const matched = new Map<string, SimulationStatement>();
  for (const outcome of outcomes) {
    if (outcome.decision !== decision) continue;
    for (const m of outcome.matched) {
      const statement = toStatement(m);
      matched.set(JSON.stringify(statement), statement);
    }
  }
  const missing = new Map<string, string>();
  for (const key of outcomes.flatMap((o) => o.missingContextKeys)) {
    if (!missing.has(key.toLowerCase())) missing.set(key.toLowerCase(), key);
  }
  const boundary = outcomes.filter((o) => o.allowedByBoundary !== undefined);
  return {
    EvalActionName: action,
    // IAM names the resource type's ARN template here; idfed has no catalogue of them (ADR 0087).
    EvalResourceName: '*',
    EvalDecision: decision,
    MatchedStatements: [...matched.values()],
    MissingContextValues: [...missing.values()],
    ...(boundary.length
      ? {
          PermissionsBoundaryDecisionDetail: {
            AllowedByPermissionsBoundary: boundary.every((o) => o.allowedByBoundary),
          },
        }
      : {}),
    // Absent for a same-account `*` simulation, empty for a same-account one naming resources.
    ...(crossAccount
      ? { EvalDecisionDetails: decisionDetails(outcomes) }
      : named
        ? { EvalDecisionDetails: { entry: [] } }
        : {}),
    ...(named
      ? {
          ResourceSpecificResults: outcomes.map((o, i) => ({
            EvalResourceName: resources[i],
            EvalResourceDecision: o.decision,
            MatchedStatements: o.matched.map(toStatement),
            MissingContextValues: [...o.missingContextKeys],
            ...(crossAccount ? { EvalDecisionDetails: decisionDetails([o]) } : {}),
            ...(o.allowedByBoundary !== undefined
              ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: o.allowedByBoundary } }
              : {}),
          })),
        }
      : {}),
  };
}

function accountOf(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  if (/^\d{12}$/.test(arn)) return arn;
  return /^arn:aws[\w-]*:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];
}

function toStatement(m: MatchedStatement): SimulationStatement {
  return {
    SourcePolicyId: m.policyId,
    SourcePolicyType: m.sourceType,
    ...(m.start ? { StartPosition: { Line: m.start.line, Column: m.start.column } } : {}),
    ...(m.end ? { EndPosition: { Line: m.end.line, Column: m.end.column } } : {}),
  };
}

/**
 * ContextEntries as the policy engine's context: a list type is a multivalued key, a single type
 * takes its one value. Numbers and booleans are checked as IAM's types say.
 */
export function toContext(entries: readonly SimulationContextEntry[] | undefined): RequestContext {
  const context: Record<string, ContextValue> = {};
  for (const entry of entries ?? []) {
    const name = entry.ContextKeyName;
    if (typeof name !== 'string' || name.length < 5 || name.length > 256) {
      throw IamErrors.invalidInput('Each ContextEntry needs a ContextKeyName of 5 to 256 characters.');
    }
    const type = entry.ContextKeyType ?? 'string';
    const values = (entry.ContextKeyValues ?? []).map((v) => checkValue(name, type, String(v)));
    const list = type.endsWith('List');
    if (!list && values.length > 1) {
      throw IamErrors.invalidInput(`Context key ${name} of type ${type} takes one value.`);
    }
    context[name] = list ? values : values[0];
  }
  return context;
}

function checkValue(name: string, type: string, value: string): string | number | boolean {
  const base = type.replace(/List$/, '');
  if (base === 'numeric') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw badValue(name, type);
    return value;
  }
  if (base === 'boolean') {
    if (!/^(true|false)$/i.test(value)) throw badValue(name, type);
    return value.toLowerCase() === 'true';
  }
  if (base === 'date' && Number.isNaN(Date.parse(value)) && !/^\d+$/.test(value)) throw badValue(name, type);
  return value;
}

function badValue(name: string, type: string) {
  return IamErrors.invalidInput(`Context key ${name} has a value that is not of type ${type}.`);
}
