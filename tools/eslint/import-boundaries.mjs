import path from 'node:path';
import ts from 'typescript';
import { typeormBoundaries } from './typeorm-boundaries.mjs';

/**
 * idfed/import-boundaries: apps import libs, never another app; a lib never imports an app; and
 * neither imports the test and tooling trees (e2e/, bench/, faults/, scripts/, tools/).
 *
 * Each specifier is resolved the way the compiler resolves it (relative paths, the @idfed/* aliases
 * and any other `paths` entry, baseUrl-relative names), so no spelling of an import gets around it.
 *
 * apps/embedded is the one app that composes the others (`npm start` runs them all in one process).
 * It may import another app only through that app's embedding surface: `src/<app>.bootstrap.ts`,
 * `src/<app>.module.ts`, `src/database/schema.ts` and `src/database/migrations(.ts|/index.ts)`.
 */

const TOOLING = new Set(['e2e', 'bench', 'faults', 'scripts', 'tools']);

/** Compiler options of the tsconfig.json at `root`, read once per root. */
const optionsByRoot = new Map();
function compilerOptions(root) {
  let options = optionsByRoot.get(root);
  if (!options) {
    const file = path.join(root, 'tsconfig.json');
    const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
    if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
    options = ts.parseJsonConfigFileContent(config, ts.sys, root).options;
    optionsByRoot.set(root, options);
  }
  return options;
}

/** Which part of the repository a file belongs to, or undefined outside it (node_modules too). */
export function areaOf(root, file) {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [top, name] = rel.split(path.sep);
  if (top === 'node_modules') return undefined;
  if ((top === 'apps' || top === 'libs') && name) return { kind: top === 'apps' ? 'app' : 'lib', name, rel };
  if (TOOLING.has(top)) return { kind: 'tooling', name: top, rel };
  return undefined;
}

/** The file an import names, as the compiler would find it; undefined for packages. */
function resolve(root, specifier, importer) {
  const { resolvedModule } = ts.resolveModuleName(specifier, importer, compilerOptions(root), ts.sys);
  if (resolvedModule)
    return resolvedModule.isExternalLibraryImport ? undefined : resolvedModule.resolvedFileName;
  // Unresolved (a file that does not exist yet): judge the path it spells; tsc reports the rest.
  if (specifier.startsWith('.')) return path.resolve(path.dirname(importer), specifier);
  const { baseUrl = root, paths = {} } = compilerOptions(root);
  for (const [pattern, [first]] of Object.entries(paths)) {
    const [prefix, suffix = ''] = pattern.split('*');
    const wildcard = pattern.includes('*');
    if (wildcard ? specifier.startsWith(prefix) && specifier.endsWith(suffix) : specifier === pattern) {
      const star = wildcard ? specifier.slice(prefix.length, specifier.length - suffix.length) : '';
      return path.resolve(baseUrl, first.replace('*', star));
    }
  }
  const spelled = path.resolve(baseUrl, specifier);
  return areaOf(root, spelled) ? spelled : undefined;
}

function isEmbeddingSurface(target) {
  const [, app, ...rest] = target.rel.split(path.sep);
  const inSrc = rest.join('/').replace(/\.(d\.)?ts$/, '');
  return [
    `src/${app}.bootstrap`,
    `src/${app}.module`,
    'src/database/schema',
    'src/database/migrations',
    'src/database/migrations/index',
  ].includes(inSrc);
}

function violation(from, target) {
  if (!target || (target.kind === from.kind && target.name === from.name)) return undefined;
  if (target.kind === 'tooling') return from.kind === 'tooling' ? undefined : 'noTooling';
  if (target.kind !== 'app') return undefined;
  if (from.kind === 'lib') return 'libToApp';
  if (from.kind !== 'app') return undefined;
  if (from.name === 'embedded') return isEmbeddingSurface(target) ? undefined : 'embeddedSurface';
  return 'appToApp';
}

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Apps import libs, never another app; libs never import apps (docs/architecture.md).',
    },
    schema: [],
    messages: {
      appToApp:
        'apps/{{from}} imports {{target}}: an app imports libs, never another app. Move what both need into a lib, or send it over the bus.',
      libToApp: 'libs/{{from}} imports {{target}}: a lib never imports an app.',
      embeddedSurface:
        'apps/embedded imports {{target}}: it may reach another app only through src/<app>.bootstrap.ts, src/<app>.module.ts, src/database/schema.ts or src/database/migrations.',
      noTooling:
        '{{fromArea}}/{{from}} imports {{target}}: apps and libs never import e2e/, bench/, faults/, scripts/ or tools/.',
    },
  },
  create(context) {
    const root = context.cwd;
    const importer = context.filename;
    const from = areaOf(root, importer);
    if (!from || from.kind === 'tooling') return {};

    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const file = resolve(root, node.value, importer);
      const target = file && areaOf(root, file);
      const messageId = violation(from, target);
      if (messageId) {
        context.report({
          node,
          messageId,
          data: {
            from: from.name,
            fromArea: from.kind === 'app' ? 'apps' : 'libs',
            target: target.rel.split(path.sep).join('/'),
          },
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression),
      TSImportType: (node) =>
        check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.source),
      CallExpression: (node) => {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        const isJestModule =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'jest' &&
          callee.property.type === 'Identifier' &&
          ['mock', 'requireActual', 'doMock', 'unmock'].includes(callee.property.name);
        if (isRequire || isJestModule) check(node.arguments[0]);
      },
    };
  },
};

export const idfedPlugin = {
  meta: { name: 'idfed' },
  rules: { 'import-boundaries': importBoundaries, 'typeorm-boundaries': typeormBoundaries },
};
