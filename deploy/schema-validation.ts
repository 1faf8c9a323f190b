import { readFileSync } from "node:fs";
import { Application } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { parseAllDocuments } from "yaml";

// Checks the deployment manifests against the Kubernetes (and Argo CD) OpenAPI schemas that
// kubernetes-models packages, offline. Its validators accept fields the schema does not know
// (as the API server does without strict field validation), so unknownFields() adds the check
// `kubectl apply --validate=strict` makes: a misspelt field would otherwise pass silently.

export type Manifest = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
};

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

const MODELS: Record<string, ModelClass> = Object.fromEntries(
  [
    Deployment,
    HorizontalPodAutoscaler,
    Job,
    PodDisruptionBudget,
    ConfigMap,
    Namespace,
    Secret,
    Service,
    ServiceAccount,
    Application,
  ].map((model) => [`${model.apiVersion}/${model.kind}`, model as unknown as ModelClass]),
);

export function readManifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((doc): doc is Manifest => doc !== null);
}

function modelFor(doc: Manifest): ModelClass {
  const model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (!model) throw new Error(`no schema known here for ${doc.apiVersion} ${doc.kind}`);
  return model;
}

// The schema's complaint, or undefined when the document is valid.
export function schemaError(doc: Manifest, Model = modelFor(doc)): string | undefined {
  try {
    new Model(doc as never).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

type Path = (string | number)[];

function fieldPaths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => fieldPaths(item, [...at, i]));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [[...at, key], ...fieldPaths(child, [...at, key])]);
}

// Every field of a valid document that the schema does not describe. A field is known when
// giving it a value no schema accepts (a symbol) makes the document invalid; the schema
// ignores a field it does not know, whatever its value.
export function unknownFields(doc: Manifest): string[] {
  const Model = modelFor(doc);
  if (schemaError(doc, Model)) throw new Error(`${doc.kind} ${doc.metadata.name} is not valid to begin with`);
  const probe = Symbol("not a value of any schema");
  return fieldPaths(doc)
    .filter((path) => {
      const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as never, doc);
      const key = path[path.length - 1]!;
      const original = parent[key];
      parent[key] = probe;
      try {
        return schemaError(doc, Model) === undefined;
      } finally {
        parent[key] = original;
      }
    })
    .map((path) => path.join("."));
}
