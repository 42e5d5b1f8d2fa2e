/**
 * Reading a file's JSON as stored — before it is checked or migrated — where any value may be
 * missing or of the wrong type: an object or a list, or an empty one in its place.
 */
export const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
