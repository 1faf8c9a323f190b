import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { env, resetEnvCache } from "~/server/env";
import { readManifests, schemaError, unknownFields, type Manifest } from "./schema-validation";

// The Kustomize base and the example overlay, checked without a cluster or a kustomize
// binary: every document against the Kubernetes schemas (no unknown fields), then what the
// schemas cannot see: names that must match across documents, probes, the app's variables,
// shutdown grace and the security settings the image relies on.

const BASE = "deploy/kubernetes/base";
const OVERLAY = "deploy/kubernetes/overlays/example";
const SECRET_EXAMPLE = "secret.example.yaml";
// The app's shutdown grace when LADDER_SHUTDOWN_GRACE_SECONDS is not set.
const DEFAULT_SHUTDOWN_GRACE_SECONDS = 30;
// Peak resident memory of a 1,000-account sync under the recommended heap limit
// (docs/decisions/0003-ingestion-benchmark.md: 431 MB, up to 538 MB in earlier runs).
const WORKER_PEAK_BYTES = 540 * 1e6;

interface Kustomization {
  namespace?: string;
  resources: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string }[];
}

interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface PodSpec {
  serviceAccountName?: string;
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  volumes?: { name: string; emptyDir?: object }[];
}
interface Workload {
  name: string;
  kind: string;
  labels: Record<string, string>;
  pod: PodSpec;
}

function readKustomization(dir: string): Kustomization {
  return parse(readFileSync(path.join(dir, "kustomization.yaml"), "utf8")) as Kustomization;
}

const base = readKustomization(BASE);
const resources = base.resources.flatMap((file) => readManifests(path.join(BASE, file)));
const [secret] = readManifests(path.join(BASE, SECRET_EXAMPLE)) as [Manifest & { stringData: Record<string, string> }];
const configMaps = resources.filter((r) => r.kind === "ConfigMap") as (Manifest & { data: Record<string, string> })[];

function ofKind(kind: string): (Manifest & { spec: Record<string, unknown> })[] {
  return resources.filter((r) => r.kind === kind) as (Manifest & { spec: Record<string, unknown> })[];
}

const workloads: Workload[] = [...ofKind("Deployment"), ...ofKind("Job")].map((r) => {
  const template = r.spec.template as { metadata: { labels: Record<string, string> }; spec: PodSpec };
  return { name: r.metadata.name, kind: r.kind, labels: template.metadata.labels, pod: template.spec };
});
const containers = workloads.flatMap((w) => w.pod.containers.map((c) => ({ workload: w, container: c })));

function workloadsSelectedBy(selector: Record<string, string>): Workload[] {
  return workloads.filter((w) => Object.entries(selector).every(([k, v]) => w.labels[k] === v));
}

function bytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unexpected quantity ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 }[match[2] ?? ""] ?? 1;
  return Number(match[1]) * unit;
}

// Every variable in the README's Configuration table (a row may name several).
function documentedVariables(): Set<string> {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(
    readme.indexOf("## Configuration"),
    readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
  );
  const names = section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...line.split("|")[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
  return new Set(names);
}

describe("Kubernetes manifests", () => {
  it("lists in kustomization.yaml every file of the base, the Secret example aside", () => {
    for (const file of base.resources) expect(existsSync(path.join(BASE, file)), file).toBe(true);
    const files = readdirSync(BASE).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml" && f !== SECRET_EXAMPLE);
    expect(files.sort()).toEqual([...base.resources].sort());
    expect(resources.map((r) => r.kind).sort()).toEqual(
      [
        "ConfigMap",
        "Deployment",
        "Deployment",
        "HorizontalPodAutoscaler",
        "Job",
        "PodDisruptionBudget",
        "PodDisruptionBudget",
        "Service",
        "ServiceAccount",
      ].sort(),
    );
  });

  it("validates every document against the Kubernetes schemas, with no field they do not know", () => {
    const overlayDocs = readdirSync(OVERLAY)
      .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
      .flatMap((f) => readManifests(path.join(OVERLAY, f)));
    for (const doc of [...resources, secret, ...overlayDocs]) {
      const name = `${doc.kind} ${doc.metadata.name}`;
      expect(schemaError(doc), name).toBeUndefined();
      expect(unknownFields(doc), name).toEqual([]);
    }
  });

  it("catches a wrong type and a misspelt field (the validation can fail)", () => {
    const [web] = readManifests(path.join(BASE, "web-deployment.yaml")) as [Manifest & { spec: Record<string, unknown> }];
    const wrongType = structuredClone(web);
    (wrongType.spec as { revisionHistoryLimit: unknown }).revisionHistoryLimit = "five";
    expect(schemaError(wrongType)).toMatch(/revisionHistoryLimit/);
    const misspelt = structuredClone(web);
    (misspelt.spec as Record<string, unknown>).replica = 3;
    expect(unknownFields(misspelt)).toEqual(["spec.replica"]);
  });

  it("matches selectors to pod labels, and the autoscaler to a Deployment that leaves it the replica count", () => {
    for (const deployment of ofKind("Deployment")) {
      const selector = (deployment.spec.selector as { matchLabels: Record<string, string> }).matchLabels;
      expect(workloadsSelectedBy(selector).map((w) => w.name)).toEqual([deployment.metadata.name]);
    }
    for (const owner of [...ofKind("Service"), ...ofKind("PodDisruptionBudget")]) {
      const selector =
        (owner.spec.selector as { matchLabels?: Record<string, string> }).matchLabels ??
        (owner.spec.selector as Record<string, string>);
      expect(
        workloadsSelectedBy(selector).map((w) => w.kind),
        `${owner.kind} ${owner.metadata.name}`,
      ).toEqual(["Deployment"]);
    }
    const pdbTargets = ofKind("PodDisruptionBudget").map(
      (pdb) => workloadsSelectedBy((pdb.spec.selector as { matchLabels: Record<string, string> }).matchLabels)[0]!.name,
    );
    expect(pdbTargets.sort()).toEqual(["ladder-web", "ladder-worker"]);

    const [hpa] = ofKind("HorizontalPodAutoscaler");
    const target = hpa!.spec.scaleTargetRef as { kind: string; name: string };
    const scaled = ofKind(target.kind).find((d) => d.metadata.name === target.name);
    expect(scaled, "the autoscaler's target").toBeDefined();
    expect(scaled!.spec.replicas).toBeUndefined();
    expect((hpa!.spec.minReplicas as number) >= 2).toBe(true);
    // A CPU utilisation target needs a CPU request on every container it measures.
    for (const c of workloads.find((w) => w.name === target.name)!.pod.containers) expect(c.resources.requests?.cpu).toBeTruthy();
  });

  it("points the Service and the probes at ports the web container has, on the health routes", () => {
    const web = workloads.find((w) => w.name === "ladder-web")!.pod.containers[0]!;
    const portNames = (web.ports ?? []).map((p) => p.name);
    const [service] = ofKind("Service");
    for (const port of service!.spec.ports as { targetPort: string }[]) expect(portNames).toContain(port.targetPort);
    expect(web.readinessProbe?.httpGet?.path).toBe("/api/ready");
    expect(web.livenessProbe?.httpGet?.path).toBe("/api/health");
    for (const probe of [web.startupProbe, web.livenessProbe, web.readinessProbe])
      expect(portNames).toContain(probe?.httpGet?.port);
    // The standalone server listens on HOSTNAME, which Kubernetes sets to the pod's name.
    expect(web.env).toContainEqual({ name: "HOSTNAME", value: "0.0.0.0" });
  });

  it("runs the CLI's worker and migrate commands, from one image", () => {
    const cli = readFileSync("server/cli/main.ts", "utf8");
    const commandOf = (name: string) => containers.find((c) => c.workload.name === name)!.container.command;
    expect(commandOf("ladder-worker")).toEqual(["ladder", "worker"]);
    expect(commandOf("ladder-migrate")).toEqual(["ladder", "migrate"]);
    for (const sub of ["worker", "migrate"]) expect(cli).toContain(`.command("${sub}")`);
    expect(new Set(containers.map((c) => c.container.image)).size).toBe(1);
  });

  it("gives every pod the Secret and ConfigMap it names, with variables the app knows and accepts", () => {
    const documented = documentedVariables();
    for (const { workload, container } of containers) {
      for (const source of container.envFrom ?? []) {
        if (source.secretRef) expect(source.secretRef.name, workload.name).toBe(secret.metadata.name);
        if (source.configMapRef) expect(configMaps.map((c) => c.metadata.name)).toContain(source.configMapRef.name);
      }
      expect(
        container.envFrom?.some((s) => s.secretRef),
        `${workload.name} reads the Secret`,
      ).toBe(true);
      for (const variable of container.env ?? []) {
        if (variable.name !== "NODE_OPTIONS") expect(documented, variable.name).toContain(variable.name);
      }
    }
    const keys = [...Object.keys(secret.stringData), ...configMaps.flatMap((c) => Object.keys(c.data))];
    for (const key of keys) expect(documented, key).toContain(key);
    expect(Object.keys(secret.stringData)).toEqual(expect.arrayContaining(["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL"]));
    // No access keys: the app's own AWS identity comes from the annotated ServiceAccount.
    expect(keys.filter((k) => k.startsWith("AWS_") && k !== "AWS_REGION")).toEqual([]);
  });

  describe("with the example's values in the environment", () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = saved;
      resetEnvCache();
    });

    it("the app's environment schema accepts them", () => {
      process.env = { ...saved, ...secret.stringData, ...configMaps[0]!.data, NODE_ENV: "production" };
      resetEnvCache();
      expect(env().DATABASE_URL).toBe(secret.stringData.DATABASE_URL);
      expect(env().NEXTAUTH_URL).toBe(secret.stringData.NEXTAUTH_URL);
    });
  });

  it("uses an IRSA-annotated ServiceAccount in every pod", () => {
    const [account] = ofKind("ServiceAccount");
    expect(account!.metadata.annotations?.["eks.amazonaws.com/role-arn"]).toMatch(
      /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/,
    );
    for (const w of workloads) expect(w.pod.serviceAccountName, w.name).toBe(account!.metadata.name);
  });

  it("waits longer for a pod to stop than the app's shutdown grace and the preStop pause", () => {
    for (const { workload, container } of containers.filter((c) => c.workload.kind === "Deployment")) {
      const setting = container.env?.find((e) => e.name === "LADDER_SHUTDOWN_GRACE_SECONDS")?.value;
      const grace = Number(setting ?? configMaps[0]!.data.LADDER_SHUTDOWN_GRACE_SECONDS ?? DEFAULT_SHUTDOWN_GRACE_SECONDS);
      const pause = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
      expect(workload.pod.terminationGracePeriodSeconds, workload.name).toBeGreaterThanOrEqual(grace + pause + 5);
    }
  });

  it("runs every container as a non-root user with a read-only root filesystem, limits and a writable /tmp", () => {
    for (const { workload, container } of containers) {
      const name = `${workload.name}/${container.name}`;
      expect(workload.pod.securityContext?.runAsNonRoot, name).toBe(true);
      expect(workload.pod.securityContext?.runAsUser, name).toBeGreaterThan(0);
      expect(container.securityContext, name).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
      expect(container.securityContext?.capabilities?.drop, name).toEqual(["ALL"]);
      for (const kind of ["requests", "limits"] as const) {
        expect(Object.keys(container.resources[kind] ?? {}).sort(), `${name} ${kind}`).toEqual(["cpu", "memory"]);
      }
      const tmp = container.volumeMounts?.find((m) => m.mountPath === "/tmp");
      expect(workload.pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir, `${name} /tmp`).toBeDefined();
    }
  });

  it("gives workers the recommended heap limit and room above a large sync's peak", () => {
    const worker = containers.find((c) => c.workload.name === "ladder-worker")!.container;
    const heap = /--max-old-space-size=(\d+)/.exec(worker.env?.find((e) => e.name === "NODE_OPTIONS")?.value ?? "");
    expect(Number(heap?.[1])).toBe(320);
    expect(bytes(worker.resources.limits!.memory!)).toBeGreaterThan(WORKER_PEAK_BYTES);
    expect(bytes(worker.resources.requests!.memory!)).toBeGreaterThan(Number(heap![1]) * 2 ** 20);
  });

  it("has an overlay whose resources, patches and image refer to what the base holds", () => {
    const overlay = readKustomization(OVERLAY);
    for (const resource of overlay.resources) {
      const target = path.join(OVERLAY, resource);
      expect(
        existsSync(target) && (target.endsWith(".yaml") || existsSync(path.join(target, "kustomization.yaml"))),
        resource,
      ).toBe(true);
    }
    expect(overlay.resources).toContain("../../base");
    const [namespace] = readManifests(path.join(OVERLAY, "namespace.yaml"));
    expect(namespace!.metadata.name).toBe(overlay.namespace);
    for (const patch of overlay.patches ?? []) {
      for (const doc of readManifests(path.join(OVERLAY, patch.path))) {
        expect(
          resources.some((r) => r.kind === doc.kind && r.metadata.name === doc.metadata.name),
          patch.path,
        ).toBe(true);
      }
    }
    const image = containers[0]!.container.image.replace(/:[^:/]+$/, "");
    expect(overlay.images?.map((i) => i.name)).toEqual([image]);
  });
});
