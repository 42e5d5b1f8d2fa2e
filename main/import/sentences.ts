/** The sentences of a paragraph, for the stages that read a § sentence by sentence. */

/** Split a paragraph into sentences (keeping "m.fl.", "t.ex.", "d.v.s." and initials inside). */
export function sentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?])\s+(?=[\p{Lu}”"])/u);
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (
      prev &&
      /(\bm\.\s?fl\.|\bt\.\s?ex\.|\bd\.\s?v\.\s?s\.|\bbl\.\s?a\.|\bs\.k\.|\bjfr\.|\bnr\.|\bkap\.|\b\p{Lu}\.)$/u.test(
        prev,
      )
    )
      out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}
