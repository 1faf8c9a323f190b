// A report that can be read more than once, chunk by chunk: from memory, or from the chunks an
// upload was staged in (server/uploads/staging.ts). Reading it twice costs no memory.
export type ByteSource = () => AsyncIterable<Uint8Array>;

export function bytesSource(bytes: Uint8Array, chunkSize = 256 * 1024): ByteSource {
  return async function* () {
    for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
  };
}
