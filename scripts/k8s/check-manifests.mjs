#!/usr/bin/env node
// Renders every overlay in infra/k8s/overlays with `kubectl kustomize` and validates each object
// against the Kubernetes API schemas (and the Prometheus Operator's, for PodMonitor and
// PrometheusRule) bundled in the kubernetes-models packages: offline, no cluster needed. A field
// the schema does not name (a misspelling such as `replicaz`) is a problem too. Also
// validates the Secret template, which no overlay includes. Exit 1 on any problem, naming the
// overlay, the object and the field.
//
//   node scripts/k8s/check-manifests.mjs            # part of `npm run lint`, hence of `npm test`
//   node scripts/k8s/check-manifests.mjs --json     # prints {overlay: [objects]} (the jest test reads it)
//   node scripts/k8s/check-manifests.mjs --root <dir-with-overlays-and-base>
//
// kubectl comes from Debian's kubernetes-client package (.ci/run installs it when missing); every
// kubectl since 1.20 renders these kustomizations the same (base/kustomization.yaml says why).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const args = process.argv.slice(2);
const json = args.includes('--json');
const rootArg = args.indexOf('--root');
const root = resolve(rootArg >= 0 ? args[rootArg + 1] : join(import.meta.dirname, '../../infra/k8s'));

/** apiVersion → the module holding its models. */
function modelModule(apiVersion) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (group === 'monitoring.coreos.com') return `@kubernetes-models/prometheus-operator/${group}/${version}`;
  return `kubernetes-models/${group ? `${group}/` : ''}${version}`;
}

async function validate(object) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['has no apiVersion or kind'];
  let models;
  try {
    models = await import(modelModule(apiVersion));
  } catch {
    return [`${apiVersion} is not an API version this check knows`];
  }
  const Model = models[kind];
  if (typeof Model !== 'function') return [`${kind} is not a kind of ${apiVersion}`];
  const seen = [];
  let invalid = [];
  try {
    Model.prototype.validate.call(tracked(object, '', seen));
  } catch (error) {
    invalid = String(error.message)
      .split(/,\s*(?=data)/)
      .map((line) => line.replace(/^data/, 'field '));
  }
  return [...invalid, ...unknownFields(seen)];
}

/*
 * The schemas accept fields they do not know (Kubernetes' OpenAPI documents leave
 * additionalProperties open), so `replicaz: 3` would pass while the API server drops it. The
 * compiled validators read each property their schema names (`data.replicas`) and enumerate the
 * keys of maps (labels, data): an object the validator read properties of but never enumerated is
 * a schema object, and any key of it the validator never read is a field the schema lacks.
 * Objects the validator never looked into are free-form (x-kubernetes-preserve-unknown-fields).
 */
function tracked(value, path, seen) {
  if (!value || typeof value !== 'object') return value;
  const record = { path, value, read: new Set(), enumerated: false };
  seen.push(record);
  const children = new Map();
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return child;
      record.read.add(key);
      if (!child || typeof child !== 'object') return child;
      if (!children.has(key)) {
        const where = Array.isArray(target) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        children.set(key, tracked(child, where, seen));
      }
      return children.get(key);
    },
    has(target, key) {
      if (typeof key === 'string') record.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      record.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function unknownFields(seen) {
  const problems = [];
  for (const { path, value, read, enumerated } of seen) {
    if (Array.isArray(value) || enumerated || read.size === 0) continue;
    for (const key of Object.keys(value)) {
      if (!read.has(key)) problems.push(`field ${path ? `${path}.` : ''}${key} is not a field of this object`);
    }
  }
  return problems;
}

function findKubectl() {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return 'kubectl';
  } catch {
    console.error('check-manifests: kubectl not found. Install it: apt-get install kubernetes-client');
    process.exit(1);
  }
}

function render(overlay) {
  try {
    // stdout only: newer kubectl prints deprecation notes for the 1.20-compatible fields on stderr.
    const text = execFileSync(KUBECTL, ['kustomize', overlay], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { text };
  } catch (error) {
    return { error: String(error.stderr || error.message).trim() };
  }
}

function parse(text, where, problems) {
  const objects = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length) problems.push(`${where}: ${document.errors[0].message}`);
    const value = document.toJS();
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

const KUBECTL = findKubectl();
const problems = [];
const rendered = {};
const overlaysDir = join(root, 'overlays');
const overlays = existsSync(overlaysDir) ? readdirSync(overlaysDir).sort() : [];
if (overlays.length === 0) problems.push(`${overlaysDir}: no overlays`);
for (const name of overlays) {
  const dir = join(overlaysDir, name);
  const { text, error } = render(dir);
  if (error) {
    problems.push(`overlays/${name}: kustomize failed: ${error}`);
    continue;
  }
  const objects = parse(text, `overlays/${name}`, problems);
  rendered[name] = objects;
  for (const object of objects) {
    for (const problem of await validate(object)) {
      problems.push(`overlays/${name}: ${object?.kind}/${object?.metadata?.name}: ${problem}`);
    }
  }
}
const template = join(root, 'secret.template.yaml');
if (existsSync(template)) {
  const objects = parse(readFileSync(template, 'utf8'), relative(root, template), problems);
  rendered['secret.template'] = objects;
  for (const object of objects) {
    for (const problem of await validate(object)) problems.push(`secret.template.yaml: ${problem}`);
  }
}

if (problems.length) {
  console.error(`check-manifests: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
if (json) process.stdout.write(JSON.stringify(rendered));
else {
  const counts = Object.entries(rendered).map(([name, objects]) => `${name} ${objects.length}`);
  console.log(`check-manifests: valid (${counts.join(', ')} objects)`);
}
