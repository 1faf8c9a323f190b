/** JSON that is malformed or ends early, with where: the caller turns it into the user's message. */
export class JsonReadError extends Error {
  constructor(
    readonly reason: "ended" | "unexpected",
    readonly line: number,
    readonly detail?: string,
  ) {
    super(reason === "ended" ? "The JSON ends early." : `Unexpected ${detail ?? "input"} at line ${line}.`);
    this.name = "JsonReadError";
  }
}
