import { describe, expect, it } from "vitest";
import { readLabelledLines } from "./sarif-text";

describe("readLabelledLines", () => {
  it("reads labels, values and Trivy's headings", () => {
    const fields = readLabelledLines(
      "Package: libssl1.1\nInstalled Version:  1.1.1c-r0 \n**Vulnerability CVE-2019-1549**",
      "Severity: HIGH",
    );
    expect(Object.fromEntries(fields)).toEqual({
      package: "libssl1.1",
      "installed version": "1.1.1c-r0",
      vulnerability: "CVE-2019-1549",
      severity: "HIGH",
    });
  });

  it("keeps the first value of a label and ignores lines that are not labels", () => {
    const fields = readLabelledLines("Link: [CVE-1](https://a)\nno label here\n1. numbered: not a label", "Link: other");
    expect(Object.fromEntries(fields)).toEqual({ link: "[CVE-1](https://a)" });
  });

  // A message line of 400,000 characters took minutes when the value was matched by a lazy
  // pattern before trailing whitespace (quadratic backtracking); the work is now linear, so this
  // finishes long before the test's time-out catches a regression.
  it("reads a very long line without backtracking over it", { timeout: 10_000 }, () => {
    const line = `Package:${" ".repeat(200_000)}x${" ".repeat(200_000)}y`;
    const fields = readLabelledLines(line);
    expect(fields.get("package")?.length).toBe(200_002);
  });
});
