/**
 * The text of seed 002 scaled up to N §§: its §§ 3–14 repeated with their numbers renumbered, so
 * the importer meets real protocol text (page headers, hyphenation, reservations) at every size.
 */
export function scaleSeedText(seedText: string, items: number): string {
  const marker = /^\s*§\s*(\d+)\s*$/m;
  const parts = seedText.split(/(?=^\s*§\s*\d+\s*$)/m).filter((p) => marker.test(p));
  if (parts.length === 0) throw new Error("seed text has no §§");
  const body = parts.filter((p) => {
    const n = Number(marker.exec(p)![1]);
    return n >= 3 && n <= 14;
  });
  const out: string[] = [];
  for (let i = 0; i < items; i++) {
    const src = i < 2 ? parts[i]! : body[(i - 2) % body.length]!;
    out.push(src.replace(marker, ` § ${i + 1} `));
  }
  return out.join("");
}
