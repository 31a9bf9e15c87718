import { Inject, Injectable } from '@nestjs/common';
import {
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
  SimulatedPolicy,
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
 * given), in that order, decided by the same policy engine as live requests (libs/policy's
 * simulate over evaluate). Only the requested page is evaluated: the marker is the index of the
 * next action-resource pair, so a request of many actions and resources costs one page of work.
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

  run(req: SimulationScenario, inputs: SimulationInputs): SimulatePolicyResponse {
    const resources = req.ResourceArns?.length ? req.ResourceArns : ['*'];
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
    const context = toContext(req.ContextEntries);
    const total = req.ActionNames.length * resources.length;
    const start = this.startIndex(req.Marker, total);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const end = Math.min(total, start + max);
    const results: EvaluationResult[] = [];
    for (let i = start; i < end; i++) {
      const action = req.ActionNames[Math.floor(i / resources.length)];
      const resource = resources[i % resources.length];
      const outcome = simulate(
        {
          action,
          resource,
          context,
          ...(inputs.caller ? { principal: { type: 'AWS', id: inputs.caller } } : {}),
        },
        {
          identity: inputs.identity,
          boundary: inputs.boundary,
          ...(resourcePolicy
            ? { resource: resourcePolicy, resourcePolicyMode: this.mode(req, inputs.caller) }
            : {}),
        },
      );
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: outcome.decision,
        MatchedStatements: outcome.matched.map(toStatement),
        MissingContextValues: [...outcome.missingContextKeys],
        ...(outcome.allowedByBoundary !== undefined
          ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: outcome.allowedByBoundary } }
          : {}),
      });
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

  /** A resource owned by another account than the caller's needs both sides to allow. */
  private mode(req: SimulationScenario, caller: string | undefined): 'same-account' | 'cross-account' {
    const owner = accountOf(req.ResourceOwner) ?? this.arns.accountId;
    const callerAccount = accountOf(caller) ?? this.arns.accountId;
    return owner === callerAccount ? 'same-account' : 'cross-account';
  }
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
