/** Short random ids for §§, proposals, votes, persons and comments (stable across edits and reorders). */
export function newId(prefix = ""): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return (
    prefix +
    Array.from(bytes, (b) => b.toString(36).padStart(2, "0"))
      .join("")
      .slice(0, 10)
  );
}
