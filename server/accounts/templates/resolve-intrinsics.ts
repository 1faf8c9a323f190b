// Test support: evaluates the intrinsic functions the template uses (Ref, Fn::Split, Fn::Select,
// Fn::Sub) the way CloudFormation would, so the stack can be compared with the Terraform snippet.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function resolveIntrinsics(value: Json, params: Record<string, string>): Json {
  if (Array.isArray(value)) return value.map((v) => resolveIntrinsics(v, params));
  if (value === null || typeof value !== "object") return value;
  const [fn, arg] = Object.entries(value)[0] ?? [];
  if (Object.keys(value).length === 1 && fn !== undefined && arg !== undefined) {
    if (fn === "Ref") {
      const ref = params[arg as string];
      if (ref === undefined) throw new Error(`Unknown Ref ${String(arg)}`);
      return ref;
    }
    if (fn === "Fn::Split") {
      const [sep, str] = resolveIntrinsics(arg, params) as [string, string];
      return str.split(sep);
    }
    if (fn === "Fn::Select") {
      const [index, list] = resolveIntrinsics(arg, params) as [number, string[]];
      return list[index] ?? null;
    }
    if (fn === "Fn::Sub") {
      const [pattern, vars] = resolveIntrinsics(arg, params) as [string, Record<string, string>];
      return pattern.replace(/\$\{([\w:]+)\}/g, (_, name: string) => vars[name] ?? params[name] ?? `<${name}>`);
    }
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveIntrinsics(v, params)]));
}
