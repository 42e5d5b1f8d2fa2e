/**
 * The typed attributes of the structured blocks. Persons are referenced by id (a person in
 * `meta.persons`), proposals by their `id` attribute inside the same §. The ProseMirror schema
 * validates every attribute with these, so a file with a wrong attribute type is refused at the
 * boundary instead of crashing a rule later.
 */
import { z } from "zod";

export const Id = z.string().min(1).max(100);
export const PersonIds = z.array(Id);

/** Kinds of yrkande, as they are written in protocols. */
export const ProposalKind = z.enum([
  "bifall", // bifall till (förvaltningens / ett annat) förslag
  "avslag",
  "återremiss",
  "bordläggning",
  "ändring",
  "tillägg",
  "eget_förslag",
]);
export type ProposalKind = z.infer<typeof ProposalKind>;

export const VoteChoice = z.enum(["ja", "nej", "avstår"]);
export type VoteChoice = z.infer<typeof VoteChoice>;

export const Ballot = z.strictObject({ person: Id, vote: VoteChoice });
export type Ballot = z.infer<typeof Ballot>;

export const Tally = z.strictObject({
  ja: z.number().int().min(0),
  nej: z.number().int().min(0),
  avstår: z.number().int().min(0),
});
export type Tally = z.infer<typeof Tally>;

/** ISO date (2020-08-25). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "datum ska skrivas ÅÅÅÅ-MM-DD");
/** ISO date and time (2020-08-31T10:00) or date. */
export const IsoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    "tidpunkt ska skrivas ÅÅÅÅ-MM-DDTHH:MM",
  );

/** Turn a zod schema into a ProseMirror attribute validator (throws a RangeError naming the problem). */
export function attrValidator(schema: z.ZodType): (value: unknown) => void {
  return (value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success) throw new RangeError(r.error.issues.map((i) => i.message).join("; "));
  };
}
