// A Checkov SARIF report of any size, for the upload tests and bench:uploads: `results` failed
// checks over 50 rules, each on its own file and line. `broken` ends it with a bad last result:
// "syntax" breaks the JSON's structure, "literal" only a value (`nul`), which only reading that
// result finds.
export function sarifReport(results: number, opts: { broken?: "syntax" | "literal" } = {}): string {
  const rules = Array.from({ length: 50 }, (_, i) => ({
    id: `CKV_AWS_${i}`,
    name: `Ensure resource ${i} is configured`,
    shortDescription: { text: `Ensure resource ${i} is configured` },
    help: { text: `Severity: ${["LOW", "MEDIUM", "HIGH"][i % 3]}` },
  }));
  const parts: string[] = [];
  for (let i = 0; i < results; i++) {
    parts.push(
      `{"ruleId":"CKV_AWS_${i % 50}","level":"error","message":{"text":"check ${i % 50} failed"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"modules/m${Math.floor(i / 300)}/main.tf"},"region":{"startLine":${(i % 300) + 1}}}}]}`,
    );
  }
  const head = `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"Checkov","version":"3.2.255","rules":${JSON.stringify(rules)}}},"results":[`;
  const tail =
    opts.broken === "syntax" ? ",\n{oops" : opts.broken === "literal" ? ',\n{"ruleId":"CKV_AWS_1","level":nul}]}]}' : "]}]}";
  return `${head}${parts.join(",\n")}${tail}`;
}
