/**
 * Balanced page tree and structure parent tree for pdfkit documents.
 *
 * pdfkit writes the page tree as one /Pages node whose /Kids lists every page, and the
 * structure tree's /ParentTree as one number tree whose /Nums lists two entries per page. A long
 * protocol (2,000 §§ ≈ 4,800 pages) then has arrays far beyond the 8,191 elements PDF/A-1
 * allows (ISO 19005-1 6.1.12, the PDF 1.4 implementation limits), and a reader must load them
 * whole. The PDF specification lets both be trees of any shape (PDF 1.7, 7.7.3.2 page tree,
 * 7.9.7 number trees): here they become balanced trees of at most `FANOUT` children per node.
 *
 * Upstream-style extension, isolated here: `balancePageTree` runs before `doc.end()` (pages are
 * buffered, so no page dictionary is written yet) and re-parents each page; `balanceParentTree`
 * wraps `doc.endMarkings` so the parent tree is replaced by an indirect balanced tree after the
 * last marked content and before the structure tree root is written. pdfkit internals used:
 * `_root`, `_pageBuffer`, `page.dictionary`, `ref()`, `endMarkings`, the ParentTree's `_items`
 * (pdfkit 0.20).
 */

type Doc = PDFKit.PDFDocument;

interface Ref {
  data: Record<string, unknown>;
  end(): void;
}

interface DocInternals {
  _root: Ref;
  _pageBuffer: { dictionary: Ref }[];
  ref(data: unknown): Ref;
  endMarkings(): void;
}

/** Children per tree node: small arrays, and a depth of 3 covers 32,768 pages. */
export const FANOUT = 32;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Split the page tree into intermediate /Pages nodes of at most FANOUT kids each. */
export function balancePageTree(doc: Doc, fanout = FANOUT): void {
  const d = doc as unknown as DocInternals;
  const root = d._root.data.Pages as Ref;
  const pages = root.data.Kids as Ref[];
  if (pages.length <= fanout) return;
  // Nodes of the level being built: each with its page count.
  let level: { ref: Ref; count: number }[] = pages.map((ref) => ({ ref, count: 1 }));
  while (level.length > fanout) {
    level = chunks(level, fanout).map((group) => {
      const node = d.ref({
        Type: "Pages",
        Parent: root,
        Kids: group.map((g) => g.ref),
        Count: group.reduce((s, g) => s + g.count, 0),
      });
      for (const g of group) g.ref.data.Parent = node;
      return { ref: node, count: node.data.Count as number };
    });
  }
  root.data.Kids = level.map((l) => l.ref);
  // Intermediate nodes are written once the whole tree is built (their Parent is final now).
  const end = (ref: Ref) => {
    if (ref.data.Type !== "Pages" || ref === root) return;
    for (const kid of ref.data.Kids as Ref[]) end(kid);
    ref.end();
  };
  for (const l of level) end(l.ref);
}

/**
 * Replace the flat /ParentTree by a balanced number tree when the document ends. Leaves hold
 * at most FANOUT key/value pairs; the root has /Kids only, every other node its /Limits.
 */
export function balanceParentTree(doc: Doc, fanout = FANOUT): void {
  const d = doc as unknown as DocInternals;
  const original = d.endMarkings.bind(doc);
  d.endMarkings = () => {
    const treeRoot = d._root.data.StructTreeRoot as Ref | undefined;
    const flat = treeRoot?.data.ParentTree as { _items: Record<string, unknown> } | undefined;
    if (treeRoot && flat && "_items" in flat) {
      const keys = Object.keys(flat._items)
        .map(Number)
        .sort((a, b) => a - b);
      if (keys.length > fanout) {
        type Node = { ref: Ref; first: number; last: number };
        let level: Node[] = chunks(keys, fanout).map((group) => {
          const nums: unknown[] = [];
          for (const k of group) nums.push(k, flat._items[k]);
          return {
            ref: d.ref({ Limits: [group[0]!, group[group.length - 1]!], Nums: nums }),
            first: group[0]!,
            last: group[group.length - 1]!,
          };
        });
        while (level.length > fanout) {
          level = chunks(level, fanout).map((group) => ({
            ref: d.ref({
              Limits: [group[0]!.first, group[group.length - 1]!.last],
              Kids: group.map((g) => g.ref),
            }),
            first: group[0]!.first,
            last: group[group.length - 1]!.last,
          }));
        }
        const top = d.ref({ Kids: level.map((l) => l.ref) });
        const end = (ref: Ref) => {
          for (const kid of (ref.data.Kids as Ref[] | undefined) ?? []) end(kid);
          ref.end();
        };
        end(top);
        treeRoot.data.ParentTree = top;
      }
    }
    original();
  };
}
