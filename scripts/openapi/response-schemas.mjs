// Writes libs/features/src/http/response-schemas.generated.json: the JSON schema of what each API
// operation answers, from its controller method's return type, which must be built from the shapes
// in libs/contracts (one source of truth, shared with the front ends; nothing copied by hand).
// The OpenAPI post-processor (libs/features/src/http/openapi-document.ts) puts them in the document.
//
// Usage: node scripts/openapi/response-schemas.mjs [--check]   (part of `npm run openapi`)
//   --check: exit 1 when the committed file differs from what the code gives.
import { globSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(root, 'libs', 'features', 'src', 'http', 'response-schemas.generated.json');
const CONTRACTS = join(root, 'libs', 'contracts', 'src', 'index.ts');
const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

/** The operationId Nest gives a controller method (openapi.ts, operationIdFactory). */
function operationId(className, method) {
  const name = className.replace(/Controller$/, '');
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}_${method}`;
}

function decoratorNames(node) {
  return (ts.getDecorators(node) ?? []).map((d) => {
    const call = d.expression;
    return ts.isCallExpression(call) ? call.expression.getText() : call.getText();
  });
}

/** Every routed controller method's awaited return type, printed with the names in its file's scope. */
function operationTypes() {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.base.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const controllers = globSync('libs/features/src/**/*.controller.ts', { cwd: root })
    .map((f) => join(root, f))
    .sort();
  const program = ts.createProgram([...controllers, CONTRACTS], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const contractNames = new Set(
    checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(CONTRACTS))).map((s) => s.name),
  );
  const operations = [];
  for (const file of controllers) {
    const source = program.getSourceFile(file);
    for (const node of source.statements) {
      if (!ts.isClassDeclaration(node) || !node.name || !decoratorNames(node).includes('Controller')) continue;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !decoratorNames(member).some((n) => HTTP_DECORATORS.has(n))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        const awaited = checker.getAwaitedType(checker.getReturnTypeOfSignature(signature));
        const id = operationId(node.name.text, member.name.getText());
        if (awaited.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) continue;
        const text = checker.typeToString(
          awaited,
          member,
          ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType,
        );
        const foreign = [...text.matchAll(/\b[A-Z]\w*\b/g)].map((m) => m[0]).filter((n) => !contractNames.has(n));
        if (foreign.length) {
          throw new Error(
            `${relative(root, file)} ${id}: answers ${text}; ${foreign.join(', ')} is not in @trellis/contracts. ` +
              'Declare the response shape there (the front ends share it), then return it.',
          );
        }
        operations.push({ id, text });
      }
    }
  }
  return { operations: operations.sort((a, b) => a.id.localeCompare(b.id)), contractNames };
}

/** `ListResponse<CoupleSummary>` → `ListResponse_CoupleSummary`: component names allow [A-Za-z0-9._-]. */
function componentName(definition) {
  return decodeURIComponent(definition)
    .replace(/[<,]\s*/g, '_')
    .replace(/[^A-Za-z0-9._-]/g, '');
}

/** JSON Schema (draft-07, as generated) → the OpenAPI 3.0 dialect Nest's document is written in. */
function toOpenApi(schema) {
  if (Array.isArray(schema)) return schema.map(toOpenApi);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') out.$ref = `#/components/schemas/${componentName(value.replace('#/definitions/', ''))}`;
    else if (key === 'const') out.enum = [value];
    else if (key === 'properties')
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toOpenApi(v)]));
    else out[key] = toOpenApi(value);
  }
  // ['string', 'null'] → type + nullable
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t) => t !== 'null');
    if (types.length !== out.type.length) out.nullable = true;
    out.type = types.length === 1 ? types[0] : undefined;
    if (out.type === undefined) {
      delete out.type;
      out.anyOf = types.map((type) => ({ type }));
    }
  }
  // anyOf [X, null] → X + nullable (a $ref cannot take siblings in 3.0: wrap it in allOf)
  for (const key of ['anyOf', 'oneOf']) {
    if (!out[key]) continue;
    const rest = out[key].filter((s) => s.type !== 'null');
    if (rest.length === out[key].length) continue;
    delete out[key];
    out.nullable = true;
    if (rest.length === 1) Object.assign(out, rest[0].$ref ? { allOf: rest } : rest[0]);
    else out[key] = rest;
  }
  // A nullable enum lists null among its values (OpenAPI 3.0.3: `nullable` does not widen `enum`).
  if (out.nullable && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  // 3.0 has no propertyNames (keys of a record are strings anyway), and ignores a $ref's siblings.
  delete out.propertyNames;
  if (out.$ref && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { ...rest, allOf: [{ $ref }] };
  }
  return out;
}

/** `nullable` needs a `type` beside it in 3.0: a nullable reference takes its target's type. */
function typeNullableReferences(node, schemas) {
  if (Array.isArray(node)) return node.forEach((child) => typeNullableReferences(child, schemas));
  if (typeof node !== 'object' || node === null) return;
  if (node.nullable && !node.type && node.allOf?.length === 1 && node.allOf[0].$ref) {
    const target = schemas[node.allOf[0].$ref.replace('#/components/schemas/', '')];
    if (target?.type && Array.isArray(target.enum)) {
      // A nullable enum by reference: validators check the referenced enum, which has no null,
      // so null never validates. Inline the values, null among them (OpenAPI 3.0.3).
      delete node.allOf;
      node.type = target.type;
      node.enum = target.enum.includes(null) ? target.enum : [...target.enum, null];
    } else if (target?.type) node.type = target.type;
  }
  Object.values(node).forEach((child) => typeNullableReferences(child, schemas));
}

/** The component names the answers reach (an enum inlined above may be left unreferenced). */
function reachableSchemas(responses, schemas) {
  const used = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/components/schemas/', '');
      if (!used.has(name)) {
        used.add(name);
        visit(schemas[name]);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(responses);
  return used;
}

export function generate() {
  const { operations } = operationTypes();
  const work = mkdtempSync(join(tmpdir(), 'trellis-openapi-'));
  try {
    const names = [
      ...new Set(operations.flatMap((op) => [...op.text.matchAll(/\b[A-Z]\w*\b/g)].map((m) => m[0]))),
    ].sort();
    const file = join(work, 'operations.ts');
    writeFileSync(
      file,
      [
        `import type { ${names.join(', ')} } from '${CONTRACTS.replace(/\.ts$/, '')}';`,
        ...operations.map((op) => `export type ${op.id} = ${op.text};`),
        '',
      ].join('\n'),
    );
    const generator = createGenerator({
      path: file,
      tsconfig: join(root, 'tsconfig.base.json'),
      type: '*',
      expose: 'export',
      topRef: false,
      skipTypeCheck: true,
      jsDoc: 'extended',
      additionalProperties: true,
      sortProps: true,
    });
    const responses = {};
    const schemas = {};
    for (const op of operations) {
      // One schema per operation: its root is the answer, its definitions the named shapes in it.
      const { definitions = {}, $schema: _dialect, ...answer } = generator.createSchema(op.id);
      responses[op.id] = toOpenApi(answer);
      for (const [name, schema] of Object.entries(definitions)) schemas[componentName(name)] = toOpenApi(schema);
    }
    typeNullableReferences([responses, schemas], schemas);
    const used = reachableSchemas(responses, schemas);
    for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
    const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
    return `${JSON.stringify({ responses: sorted(responses), schemas: sorted(schemas) }, null, 2)}\n`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const text = generate();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUTPUT, 'utf8');
  } catch {
    // missing: differs
  }
  if (committed !== text) {
    console.error(
      `${relative(root, OUTPUT)} is out of date with the controllers: run \`npm run openapi\` and commit it.`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(OUTPUT, text);
  console.log(`Wrote ${relative(root, OUTPUT)}`);
}
