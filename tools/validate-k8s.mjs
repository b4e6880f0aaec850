#!/usr/bin/env node
/**
 * Validates Kubernetes objects offline against the API schemas (kubernetes-models), as a
 * cluster's API server would check their shape: `kubectl kustomize infra/k8s/overlays/production
 * | node tools/validate-k8s.mjs`. Prints one JSON line, {"objects": n, "problems": [...]}, each
 * problem naming the object and what is wrong; exits 1 when there is any.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** kubernetes-models keeps each API group's models at `kubernetes-models/<group>/<version>`. */
const modelOf = async ({ apiVersion, kind }) => {
  const models = await import(`kubernetes-models/${apiVersion}`).catch(() => undefined);
  return models?.[kind];
};

const problemsOf = async (object) => {
  const name = `${object?.kind ?? '?'} ${object?.metadata?.name ?? '?'}`;
  if (!object?.apiVersion || !object?.kind) return [`${name}: apiVersion and kind are required`];
  const Model = await modelOf(object);
  if (!Model) return [`${name}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${name}: ${error.message}`];
  }
};

const documents = parseAllDocuments(readFileSync(0, 'utf8'));
const syntax = documents.flatMap((document) => document.errors.map((error) => `YAML: ${error.message}`));
const objects = documents.map((document) => document.toJS()).filter((object) => object !== null);
const problems = [...syntax, ...(await Promise.all(objects.map(problemsOf))).flat()];
console.log(JSON.stringify({ objects: objects.length, problems }));
process.exit(problems.length ? 1 : 0);
