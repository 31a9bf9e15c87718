import { AwsError } from '../aws.error';

/**
 * Turns flattened Query parameters into the nested request the operation's model describes:
 *   `ClientIDList.member.2=b`          -> { ClientIDList: [.., 'b'] }
 *   `Tags.member.1.Key=k`              -> { Tags: [{ Key: 'k' }] }
 *   `PolicyArns.member.1.arn=a`        -> { PolicyArns: [{ arn: 'a' }] }
 * `Action`, `Version` and the presigning parameters (`X-Amz-*`) are not part of the request.
 * An empty list is sent as the bare name with an empty value (`ClientIDList=`); `lists` names the
 * members for which that means [] rather than ''. `integers` are converted when they are integers
 * (anything else stays text, for the service's validation to name).
 */
export function queryParamsToObject(
  params: ReadonlyMap<string, string>,
  hints: { lists?: ReadonlySet<string>; integers?: readonly string[] } = {},
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of params) {
    if (name === 'Action' || name === 'Version' || /^x-amz-/i.test(name)) continue;
    if (segmentCountExceeds(name, MAX_NAME_SEGMENTS)) {
      throw new AwsError(
        'InvalidParameterValue',
        `Parameter name ${name.slice(0, 64)}... has more than ${MAX_NAME_SEGMENTS} segments.`,
      );
    }
    const path = name.split('.');
    if (path.some((segment) => !SEGMENT.test(segment) || FORBIDDEN.has(segment))) {
      throw new AwsError('InvalidParameterValue', `Invalid parameter name ${name.slice(0, 64)}`);
    }
    if (path.length === 1 && value === '' && hints.lists?.has(name)) {
      root[name] ??= [];
      continue;
    }
    assign(root, path, value, name);
  }
  for (const key of Object.keys(root)) root[key] = compact(root[key]);
  for (const field of hints.integers ?? []) {
    const value = root[field];
    if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) root[field] = Number(value);
  }
  return root;
}

/**
 * The deepest IAM or STS parameter name has 4 segments (`Tags.member.1.Key`). Each segment is a
 * level of the nested request, which later recursive walks (compact below, serialisation onto the
 * bus, validation) descend, so a name of thousands of segments is refused here.
 */
export const MAX_NAME_SEGMENTS = 16;

function segmentCountExceeds(name: string, max: number): boolean {
  let segments = 1;
  for (let at = name.indexOf('.'); at >= 0; at = name.indexOf('.', at + 1)) {
    if (++segments > max) return true;
  }
  return false;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_INDEX = 1000;

type Node = Record<string, unknown> | unknown[];

function assign(root: Record<string, unknown>, path: string[], value: string, name: string): void {
  let node: Node = root;
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1;
    let key: string | number = path[i];
    if (key === 'member' && Array.isArray(node)) {
      // `.member.N` addresses item N (1-based) of the list this segment belongs to.
      const index = Number(path[i + 1]);
      if (!Number.isInteger(index) || index < 1 || index > MAX_INDEX) {
        throw new AwsError('InvalidParameterValue', `Invalid list index in parameter ${name.slice(0, 64)}`);
      }
      i++;
      key = index - 1;
      if (i === path.length - 1) {
        node[key] = value;
        return;
      }
    } else if (last) {
      setChild(node, key, value, name);
      return;
    }
    const nextIsList = path[i + 1] === 'member';
    let child = getChild(node, key);
    if (child === undefined) {
      child = nextIsList ? [] : {};
      setChild(node, key, child, name);
    }
    if (typeof child !== 'object' || child === null || Array.isArray(child) !== nextIsList) {
      throw new AwsError(
        'InvalidParameterValue',
        `Parameter ${name.slice(0, 64)} conflicts with another one.`,
      );
    }
    node = child as Node;
  }
}

function getChild(node: Node, key: string | number): unknown {
  return Array.isArray(node)
    ? node[key as number]
    : Object.hasOwn(node, key)
      ? node[key as string]
      : undefined;
}

function setChild(node: Node, key: string | number, value: unknown, name: string): void {
  if (Array.isArray(node)) {
    if (typeof key !== 'number')
      throw new AwsError('InvalidParameterValue', `Invalid parameter name ${name.slice(0, 64)}`);
    node[key] = value;
    return;
  }
  if (Object.hasOwn(node, key)) {
    throw new AwsError('InvalidParameterValue', `Parameter ${name.slice(0, 64)} conflicts with another one.`);
  }
  node[key as string] = value;
}

/** Lists lose their holes (`member.1`, `member.3` is a list of two), recursively. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value))
      (value as Record<string, unknown>)[key] = compact((value as Record<string, unknown>)[key]);
  }
  return value;
}
