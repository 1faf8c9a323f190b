export interface Vulnerability {
  id: string;
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
  score: number;
  packageName: string;
  version: string;
  fixedIn: string;
  summary: string;
  exploitAvailable: boolean;
}

/** Well-known CVEs in packages common in container base images; summaries are our own words. */
export const VULNERABILITIES: readonly Vulnerability[] = [
  { id: "CVE-2024-3094", severity: "CRITICAL", score: 10, packageName: "xz-utils", version: "5.6.0-0.1", fixedIn: "5.6.1+really5.4.5-1", summary: "Backdoored release tarballs of xz allow remote code execution through sshd.", exploitAvailable: true },
  { id: "CVE-2021-44228", severity: "CRITICAL", score: 10, packageName: "log4j-core", version: "2.14.1", fixedIn: "2.17.1", summary: "JNDI lookups in log messages let attackers load and run remote code.", exploitAvailable: true },
  { id: "CVE-2023-45853", severity: "CRITICAL", score: 9.8, packageName: "zlib", version: "1.2.13", fixedIn: "1.3.1", summary: "Integer overflow in MiniZip's zipOpenNewFileInZip4_64 leads to a heap overflow.", exploitAvailable: false },
  { id: "CVE-2024-45337", severity: "CRITICAL", score: 9.1, packageName: "golang.org/x/crypto", version: "0.30.0", fixedIn: "0.31.0", summary: "Misuse of PublicKeyCallback in ssh servers can lead to authorization bypass.", exploitAvailable: false },
  { id: "CVE-2024-6387", severity: "HIGH", score: 8.1, packageName: "openssh-server", version: "1:9.2p1-2", fixedIn: "1:9.2p1-2+deb12u3", summary: "A signal handler race in sshd allows unauthenticated remote code execution.", exploitAvailable: true },
  { id: "CVE-2023-4911", severity: "HIGH", score: 7.8, packageName: "glibc", version: "2.36-9", fixedIn: "2.36-9+deb12u3", summary: "Buffer overflow in the dynamic loader's GLIBC_TUNABLES handling allows local privilege escalation.", exploitAvailable: true },
  { id: "CVE-2023-44487", severity: "HIGH", score: 7.5, packageName: "nghttp2", version: "1.52.0-1", fixedIn: "1.52.0-1+deb12u1", summary: "HTTP/2 rapid stream resets allow a denial of service.", exploitAvailable: true },
  { id: "CVE-2024-2961", severity: "HIGH", score: 8.8, packageName: "glibc", version: "2.36-9", fixedIn: "2.36-9+deb12u7", summary: "Out-of-bounds write in iconv when converting to ISO-2022-CN-EXT.", exploitAvailable: false },
  { id: "CVE-2023-52425", severity: "HIGH", score: 7.5, packageName: "expat", version: "2.5.0-1", fixedIn: "2.6.0", summary: "Parsing large tokens needs many full reparses, allowing a denial of service.", exploitAvailable: false },
  { id: "CVE-2023-5363", severity: "HIGH", score: 7.5, packageName: "openssl", version: "3.0.11-1", fixedIn: "3.0.12-1", summary: "Key and IV length handling in some cipher modes can truncate or overrun buffers.", exploitAvailable: false },
  { id: "CVE-2024-0727", severity: "MEDIUM", score: 5.5, packageName: "openssl", version: "3.0.11-1", fixedIn: "3.0.13-1", summary: "A malformed PKCS12 file can crash applications with a null dereference.", exploitAvailable: false },
  { id: "CVE-2023-39615", severity: "MEDIUM", score: 6.5, packageName: "libxml2", version: "2.9.14", fixedIn: "2.11.0", summary: "Crafted XML can cause an out-of-bounds read in xmlSAX2StartElement.", exploitAvailable: false },
  { id: "CVE-2024-28182", severity: "MEDIUM", score: 5.3, packageName: "nghttp2", version: "1.52.0-1", fixedIn: "1.61.0", summary: "Unbounded CONTINUATION frames let a peer exhaust server CPU.", exploitAvailable: false },
  { id: "CVE-2022-40897", severity: "MEDIUM", score: 5.9, packageName: "setuptools", version: "65.5.0", fixedIn: "65.5.1", summary: "A crafted HTML page in package_index causes regular-expression denial of service.", exploitAvailable: false },
  { id: "CVE-2016-2781", severity: "LOW", score: 6.5, packageName: "coreutils", version: "9.1-1", fixedIn: "", summary: "chroot --userspec lets a session escape to the parent via TIOCSTI.", exploitAvailable: false },
  { id: "CVE-2024-26461", severity: "LOW", score: 5.5, packageName: "krb5", version: "1.20.1-2", fixedIn: "", summary: "A memory leak in the GSS message token handling.", exploitAvailable: false },
];

export const CRITICAL_VULNERABILITIES = VULNERABILITIES.filter((v) => v.severity === "CRITICAL");
