import path from 'node:path';

/**
 * idfed/typeorm-boundaries: in an app's source, only the data layer talks to TypeORM. Use cases,
 * handlers and helpers depend on repositories (issue 8), so their unit tests mock a repository
 * rather than the ORM, and every query of an aggregate is in one file.
 *
 * Allowed to import `typeorm` (or a path inside it) under apps/<app>/src: repositories
 * (`*.repository.ts`), anything under a `database/` folder (entities, migrations, the schema),
 * entity and migration files wherever they are (`*.entity.ts`, `*.migration.ts`: they are the
 * ORM's own classes), modules (`*.module.ts`, which wire the DataSource), and the process entry
 * points (`main.ts`, `*.bootstrap.ts`). Type-only imports count: a use case that names an
 * EntityManager is still written against the ORM. Libraries and tests outside `src/` are not
 * concerned.
 */
const ALLOWED_NAME = /(\.repository|\.entity|\.migration|\.module|\.bootstrap)\.ts$|^main\.ts$/;

function isTypeorm(specifier) {
  return specifier === 'typeorm' || specifier.startsWith('typeorm/');
}

/** Whether `file` is app source that must not import TypeORM. */
export function mustAvoidTypeorm(root, file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] !== 'apps' || rel[2] !== 'src' || rel.length < 4) return false;
  const inSrc = rel.slice(3);
  if (inSrc.slice(0, -1).includes('database')) return false;
  return !ALLOWED_NAME.test(inSrc[inSrc.length - 1]);
}

export const typeormBoundaries = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Only repositories, database/, modules and entry points of an app import TypeORM (docs/architecture.md).',
    },
    schema: [],
    messages: {
      outsideDataLayer:
        '{{file}} imports {{specifier}}: an app reaches TypeORM only through its repositories (*.repository.ts); move the query into one and inject it.',
    },
  },
  create(context) {
    if (!mustAvoidTypeorm(context.cwd, context.filename)) return {};
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string' || !isTypeorm(node.value))
        return;
      context.report({ node, messageId: 'outsideDataLayer', data: { file, specifier: node.value } });
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
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};
