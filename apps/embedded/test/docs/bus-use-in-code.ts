import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import * as contracts from '@idfed/contracts';
import { ServiceName } from '@idfed/contracts';
import { peerReplyGroup } from '@idfed/service-runtime';
import { REPO_ROOT } from '../../../../libs/testing/src/markdown-tables';

/**
 * What the apps' source says about the bus, read from the source text with the TypeScript parser
 * rather than by importing the apps (the docs specs live in apps/embedded, which may import another
 * app only through its embedding surface, and importing would run their code). An expression the
 * reader cannot evaluate (anything but a string literal, a constant of the same file, or an
 * export of @idfed/contracts and its members) is reported as a problem, never skipped.
 */

/** The apps under apps/, but the launcher that composes them. */
export function appNames(): string[] {
  return readdirSync(join(REPO_ROOT, 'apps'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'embedded')
    .map((d) => d.name)
    .sort();
}

/** An app's source files, tests excluded. */
function sourceFiles(app: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec|d)\.ts$/.test(entry.name))
        files.push(path);
    }
  };
  walk(join(REPO_ROOT, 'apps', app, 'src'));
  return files;
}

interface ParsedFile {
  app: string;
  path: string;
  source: ts.SourceFile;
  /** `const NAME = '...'` at the top of the file. */
  constants: Map<string, string>;
}

function parse(app: string, path: string): ParsedFile {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const constants = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.initializer && ts.isStringLiteralLike(d.initializer)) {
        constants.set(d.name.text, d.initializer.text);
      }
    }
  }
  return { app, path: relative(REPO_ROOT, path), source, constants };
}

function parsedApps(): ParsedFile[] {
  return appNames().flatMap((app) => sourceFiles(app).map((f) => parse(app, f)));
}

/** The strings an expression stands for, or undefined when it cannot be read statically. */
function evaluate(expr: ts.Expression, file: ParsedFile): string[] | undefined {
  if (ts.isStringLiteralLike(expr)) return [expr.text];
  if (ts.isArrayLiteralExpression(expr)) {
    const parts = expr.elements.map((e) => evaluate(e, file));
    return parts.every((p) => p !== undefined) ? parts.flat() : undefined;
  }
  if (ts.isIdentifier(expr)) {
    const local = file.constants.get(expr.text);
    if (local !== undefined) return [local];
    const exported = (contracts as Record<string, unknown>)[expr.text];
    return typeof exported === 'string' ? [exported] : undefined;
  }
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
    const holder = (contracts as Record<string, unknown>)[expr.expression.text];
    const value =
      holder && typeof holder === 'object' ? (holder as Record<string, unknown>)[expr.name.text] : undefined;
    return typeof value === 'string' ? [value] : undefined;
  }
  return undefined;
}

function calls(file: ParsedFile, visit: (call: ts.CallExpression, callee: string) => void): void {
  const walk = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      visit(node, name);
    }
    ts.forEachChild(node, walk);
  };
  walk(file.source);
}

function where(file: ParsedFile, node: ts.Node): string {
  const { line } = file.source.getLineAndCharacterOfPosition(node.getStart());
  return `${file.path}:${line + 1}`;
}

export interface CodeReading<T> {
  found: T;
  /** Uses the reader could not evaluate: each names its file and line. */
  unreadable: string[];
}

/** Which apps declare an `@EventPattern` handler of each topic. */
export function eventConsumers(): CodeReading<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  const unreadable: string[] = [];
  for (const file of parsedApps()) {
    calls(file, (call, callee) => {
      if (callee !== 'EventPattern' || !ts.isDecorator(call.parent)) return;
      const [arg] = call.arguments;
      const topics = arg ? evaluate(arg, file) : undefined;
      if (!topics) {
        unreadable.push(
          `${where(file, call)}: @EventPattern(${arg?.getText() ?? ''}) is not a topic of @idfed/contracts`,
        );
        return;
      }
      for (const topic of topics) {
        if (!found.has(topic)) found.set(topic, new Set());
        found.get(topic)!.add(file.app);
      }
    });
  }
  return { found, unreadable };
}

/**
 * The reply groups apps send requests with: the second argument of `createClientTransport(...)`,
 * and the service named by `peerBusProviders(<service>, ...)`.
 */
export function replyGroups(): CodeReading<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  const unreadable: string[] = [];
  const add = (group: string, app: string) => {
    if (!found.has(group)) found.set(group, new Set());
    found.get(group)!.add(app);
  };
  for (const file of parsedApps()) {
    calls(file, (call, callee) => {
      const arg =
        callee === 'createClientTransport'
          ? call.arguments[1]
          : callee === 'peerBusProviders'
            ? call.arguments[0]
            : undefined;
      if (!arg) return;
      const values = evaluate(arg, file);
      if (!values) {
        unreadable.push(`${where(file, call)}: ${callee}(...) names its reply group with ${arg.getText()}`);
        return;
      }
      for (const v of values)
        add(callee === 'peerBusProviders' ? peerReplyGroup(v as ServiceName) : v, file.app);
    });
  }
  return { found, unreadable };
}

/** Whether an app's source names a topic: by its @idfed/contracts constant, or spelled out. */
export function appMentionsTopic(app: string, topic: string): boolean {
  return sourceFiles(app)
    .map((f) => parse(app, f))
    .some((file) => {
      let seen = false;
      const walk = (node: ts.Node) => {
        if (seen) return;
        if (
          (ts.isStringLiteralLike(node) || ts.isPropertyAccessExpression(node)) &&
          evaluate(node, file)?.includes(topic)
        ) {
          seen = true;
          return;
        }
        ts.forEachChild(node, walk);
      };
      walk(file.source);
      return seen;
    });
}

/**
 * The topics each app reads through a broadcast subscription (every replica sees every event):
 * the topics named in a file that calls `subscribeToBroadcast` (a service's caches, ADR 0064).
 */
export function broadcastConsumers(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of parsedApps()) {
    let subscribes = false;
    calls(file, (_call, callee) => (subscribes ||= callee === 'subscribeToBroadcast'));
    if (!subscribes) continue;
    const walk = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node) || ts.isStringLiteralLike(node)) {
        for (const topic of evaluate(node, file) ?? []) {
          if (!found.has(topic)) found.set(topic, new Set());
          found.get(topic)!.add(file.app);
        }
      }
      ts.forEachChild(node, walk);
    };
    walk(file.source);
  }
  return found;
}
