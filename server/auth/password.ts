import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

// Node's built-in scrypt with OWASP's minimum cost (N=2^17, r=8, p=1); the parameters are
// stored with the hash so they can be raised later without breaking existing passwords.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;
const maxmem = 256 * N * R;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem });
  return ["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * Number(n) * Number(r),
  });
  return timingSafeEqual(actual, expected);
}

// A hash of no password anyone knows, with today's parameters: checking against it costs what
// checking a real hash costs.
const DUMMY_HASH = ["scrypt", N, R, P, randomBytes(16).toString("base64url"), randomBytes(KEYLEN).toString("base64url")].join(
  "$",
);

// For sign-in: an unknown email, or an account without a password (OAuth only), is checked
// against the dummy hash and refused, so that every refusal does the same scrypt work and the
// response time does not tell which accounts exist.
export async function verifyPasswordOrDummy(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) {
    await verifyPassword(password, DUMMY_HASH);
    return false;
  }
  return verifyPassword(password, stored);
}
