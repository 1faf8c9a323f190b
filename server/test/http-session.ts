// A signed-in person's HTTP requests, without a browser: local sign-in through the tRPC mutation
// the sign-in page calls, then tRPC calls as httpLink sends them (superjson envelopes).

const PASSWORD = "correct horse battery staple";

async function trpcResult<T>(response: Response, path: string): Promise<T> {
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error ?? body)}`);
  return body.result.data.json;
}

// Signs in through one web process and returns the session cookie it set.
export function signInOverHttp(baseUrl: string, email: string, password = PASSWORD): Promise<string> {
  return startSession(baseUrl, "auth.signIn", { email, password });
}

// The first-run owner of a fresh installation, signed in.
export function createOwnerOverHttp(baseUrl: string, email: string, password = PASSWORD): Promise<string> {
  return startSession(baseUrl, "auth.createOwner", { name: "Owner", email, password });
}

async function startSession(baseUrl: string, path: string, input: unknown): Promise<string> {
  const response = await fetch(`${baseUrl}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  await trpcResult(response, path);
  const cookie = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!cookie) throw new Error(`${path} set no session cookie`);
  return cookie.split(";")[0]!;
}

export async function trpcQuery<T>(baseUrl: string, path: string, input: unknown, cookie: string): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return trpcResult<T>(await fetch(`${baseUrl}/api/trpc/${path}${query}`, { headers: { cookie } }), path);
}

export async function trpcMutation<T>(baseUrl: string, path: string, input: unknown, cookie: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ json: input }),
  });
  return trpcResult<T>(response, path);
}
