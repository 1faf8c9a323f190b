import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readManifests, schemaError, unknownFields, type Manifest } from "./schema-validation";

// The Argo CD example, against Argo CD's Application schema (@kubernetes-models/argo-cd),
// and pointing at a Kustomize folder of this repository.

interface Application extends Manifest {
  spec: {
    source: { repoURL: string; path: string; targetRevision: string };
    destination: { server?: string; namespace: string };
  };
}

const [application] = readManifests("deploy/argocd/application.yaml") as [Application];

describe("Argo CD Application", () => {
  it("validates against the Application schema, with no field it does not know", () => {
    expect(application.kind).toBe("Application");
    expect(schemaError(application)).toBeUndefined();
    expect(unknownFields(application)).toEqual([]);
  });

  it("deploys a Kustomize folder of this repository into the namespace that folder names", () => {
    const folder = application.spec.source.path;
    expect(existsSync(path.join(folder, "kustomization.yaml")), folder).toBe(true);
    const kustomization = parse(readFileSync(path.join(folder, "kustomization.yaml"), "utf8")) as { namespace?: string };
    expect(application.spec.destination.namespace).toBe(kustomization.namespace);
    expect(new URL(application.spec.source.repoURL).protocol).toBe("https:");
  });
});
