// Trivy and Grype put the package, versions and their own severity only in human-readable
// text ("Package: libssl1.1\nInstalled Version: 1.1.1c-r0\nSeverity: MEDIUM"), so we read
// those labelled lines back out of the result message and the rule's help.
export function readLabelledLines(...texts: (string | undefined)[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const text of texts) {
    for (const line of (text ?? "").split("\n")) {
      const [key, value] = readLabelledLine(line) ?? readHeading(line) ?? [];
      if (key && value && !fields.has(key.toLowerCase())) fields.set(key.toLowerCase(), value);
    }
  }
  return fields;
}

// "Installed Version: 1.1.1c-r0": a label of up to 31 letters and spaces, then the value. Split
// at the first colon rather than with one regular expression: a lazy value followed by trailing
// whitespace backtracks over the whole line for every character of it (seconds for a long line).
const label = /^\s*([A-Za-z][A-Za-z ]{0,30})$/;

function readLabelledLine(line: string): [string, string] | undefined {
  const colon = line.indexOf(":");
  if (colon < 0) return undefined;
  const key = label.exec(line.slice(0, colon))?.[1];
  return key === undefined ? undefined : [key.trimEnd(), line.slice(colon + 1).trim()];
}

// "**Vulnerability CVE-2019-1549**", as Trivy heads its help text.
function readHeading(line: string): [string, string] | undefined {
  const match = /^\s*\**(Vulnerability|Misconfiguration) ([^\s*]+)\**\s*$/.exec(line);
  return match ? [match[1]!, match[2]!] : undefined;
}

const advisoryId =
  /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3}|RUSTSEC-\d{4}-\d{4}|PYSEC-\d{4}-\d+|GO-\d{4}-\d+|ALAS\d*-\d{4}-\d+)/i;

/** The advisory id in a rule id or label ("CVE-2020-12413-nspr" → "CVE-2020-12413"). */
export function findAdvisoryId(...candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const match = advisoryId.exec(candidate ?? "");
    const id = match?.[1];
    if (id) return /^ghsa/i.test(id) ? `GHSA${id.slice(4).toLowerCase()}` : id.toUpperCase();
  }
  return undefined;
}

/** "[CVE-2019-1549](https://…)" → the URL. */
export function markdownLinkTarget(text: string | undefined): string | undefined {
  return /\]\((https?:\/\/[^)\s]+)\)/.exec(text ?? "")?.[1] ?? (/^https?:\/\/\S+$/.test(text ?? "") ? text : undefined);
}
