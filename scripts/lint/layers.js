import path from 'node:path';

/**
 * An ESLint rule that keeps the layers apart: which folders a file may import from, and which
 * files may import a package. It resolves each relative import against the importing file, so a
 * rule speaks of folders ("electron/ipc/"), not of how many "../" a path happens to start with.
 * The table itself is in eslint.config.js; docs/architecture.md explains it.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSIONS = /\.(d\.ts|ts|tsx|js|mjs|cjs|json)$/;

/** The repo-relative path of a file, with forward slashes and no extension. */
function repoPath(file) {
  return path.relative(ROOT, file).split(path.sep).join('/').replace(EXTENSIONS, '');
}

/** "dir/" matches everything below it; anything else matches that one module (extension ignored). */
function matches(target, pattern) {
  if (pattern.endsWith('/')) return target.startsWith(pattern);
  return target === pattern.replace(EXTENSIONS, '');
}

/** A package name pattern: "node:*" matches every node: module; "name" matches name and name/x. */
function matchesPackage(source, pattern) {
  if (pattern.endsWith('*')) return source.startsWith(pattern.slice(0, -1));
  return source === pattern || source.startsWith(`${pattern}/`);
}

const layerSchema = {
  type: 'object',
  properties: {
    files: { type: 'string' },
    allow: { type: 'array', items: { type: 'string' } },
    deny: { type: 'array', items: { type: 'string' } },
    denyPackages: { type: 'array', items: { type: 'string' } },
    why: { type: 'string' },
  },
  required: ['files', 'why'],
  additionalProperties: false,
};

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the layers apart (see docs/architecture.md).' },
    schema: [
      {
        type: 'object',
        properties: {
          layers: { type: 'array', items: layerSchema },
          packages: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                onlyIn: { type: 'array', items: { type: 'string' } },
                why: { type: 'string' },
              },
              required: ['name', 'onlyIn', 'why'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      folder: '{{file}} may not import {{target}}: {{why}}',
      package: "{{file}} may not import '{{source}}': {{why}}",
    },
  },
  create(context) {
    const { layers = [], packages = [] } = context.options[0] ?? {};
    const file = repoPath(context.filename);
    const mine = layers.filter((layer) => matches(file, layer.files));

    function check(node, source) {
      if (typeof source !== 'string') return;
      const report = (messageId, data) =>
        context.report({ node, messageId, data: { file, source, ...data } });
      if (source.startsWith('.')) {
        const target = repoPath(path.resolve(path.dirname(context.filename), source));
        for (const layer of mine) {
          const denied = (layer.deny ?? []).some((p) => matches(target, p));
          const outside = layer.allow && !layer.allow.some((p) => matches(target, p));
          if (denied || outside) report('folder', { target, why: layer.why });
        }
        return;
      }
      for (const layer of mine) {
        if ((layer.denyPackages ?? []).some((p) => matchesPackage(source, p)))
          report('package', { why: layer.why });
      }
      for (const rule of packages) {
        if (matchesPackage(source, rule.name) && !rule.onlyIn.some((p) => matches(file, p)))
          report('package', { why: rule.why });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const layersPlugin = { rules: { imports: importsRule } };
