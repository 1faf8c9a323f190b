// A CommonJS `require` resolving from the app's root, for the few modules telemetry loads by name
// at run time. Through process.getBuiltinModule (Node >= 20.16) so that bundlers leave it alone:
// Next's webpack build cannot follow `createRequire(<computed path>)` and warns on it. Undefined on
// older Node, where callers do without.
export function appRequire(): NodeJS.Require | undefined {
  const nodeModule = process.getBuiltinModule?.("node:module");
  const nodePath = process.getBuiltinModule?.("node:path");
  if (!nodeModule || !nodePath) return undefined;
  return nodeModule.createRequire(nodePath.join(process.cwd(), "package.json"));
}
