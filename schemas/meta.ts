/**
 * Meeting metadata (`meta`) and the other non-document parts of a `.protokoll` file:
 * the justerare's review and the history of rättelser. TypeScript types are `z.infer` of these.
 */
import { z } from "zod";
import { Id, IsoDate, IsoDateTime } from "./attrs.js";
import { Attachment, MAX_ATTACHMENTS } from "./attachments.js";

const Time = z.string().regex(/^\d{2}:\d{2}$/, "tid ska skrivas TT:MM");

/** A person's role in the body (UI labels in `labels.ts`). */
export const PersonRole = z.enum([
  "chair", // ordförande
  "vice_chair", // vice ordförande
  "second_vice_chair", // 2:e vice ordförande
  "member", // ledamot
  "substitute", // ersättare
  "secretary", // sekreterare
  "official", // tjänsteperson (förvaltningschef, borgarråd's staff …)
  "other", // övrig
]);
export type PersonRole = z.infer<typeof PersonRole>;

export const Person = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  party: z.string().max(20).nullable().default(null),
  role: PersonRole,
  /** Title as written, e.g. "socialborgarråd", "förvaltningschef". */
  title: z.string().max(200).nullable().default(null),
});
export type Person = z.infer<typeof Person>;

/**
 * One line of the attendance ledger: a person serves (tjänstgör) or is present without serving,
 * for §§ `from`…`to` (agenda_item ids, inclusive; null = from the first / to the last §).
 * A serving substitute names the ledamot they replace.
 */
export const AttendanceEntry = z.strictObject({
  person: Id,
  status: z.enum(["serving", "present"]),
  from: Id.nullable().default(null),
  to: Id.nullable().default(null),
  replaces: Id.nullable().default(null),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

/** Jäv: the person takes no part in that §. */
export const Recusal = z.strictObject({ person: Id, item: Id });
export type Recusal = z.infer<typeof Recusal>;

export const BodyType = z.enum(["nämnd", "kommunstyrelse", "kommunfullmäktige", "annan"]);
export type BodyType = z.infer<typeof BodyType>;

export const Reglemente = z.strictObject({
  /** Justerare besides the chair. */
  adjusters: z.number().int().min(0).max(10).default(1),
  /** Ersättare may make an ersättaryttrande. */
  substituteStatements: z.boolean().default(false),
  /** The number of the first § of this meeting (the body numbers §§ through the year). */
  firstItemNumber: z.number().int().min(1).default(1),
  /** Number of ledamöter (for quorum); null when unknown. */
  members: z.number().int().min(1).nullable().default(null),
  /** A regular expression the body's Dnr follow, e.g. "^\\d+(\\.\\d+)*-\\d+/\\d{4}$". */
  dnrPattern: z.string().max(500).nullable().default(null),
  /**
   * Days after the meeting by which a written reservation's motivation must be in (0 = the day of
   * the meeting), when the reglemente sets a time earlier than justering. Absent: before justering
   * (KL 4:27). Optional without a default, so existing files keep their exact bytes (and seals).
   */
  reservationDays: z.number().int().min(0).max(14).optional(),
  /**
   * Days before the meeting by which the kallelse must be sent (the reglemente's "senast … dagar
   * före sammanträdesdagen"). Absent: a week for fullmäktige (the anslag, KL 5:12), five days for
   * other bodies (the usual reglemente). Optional without a default (existing files keep their bytes).
   */
  summonsDays: z.number().int().min(0).max(60).optional(),
});
export type Reglemente = z.infer<typeof Reglemente>;

export const Body = z.strictObject({
  name: z.string().min(1).max(200),
  type: BodyType.default("nämnd"),
  /** The municipality, e.g. "Exempelby kommun". */
  municipality: z.string().max(200).nullable().default(null),
  reglemente: Reglemente.prefault({}),
});
export type Body = z.infer<typeof Body>;

export const Status = z.enum(["draft", "in_review", "adjusted"]);
export type Status = z.infer<typeof Status>;

/**
 * The Ed25519 signature of a seal, made in the host with the municipality's (or secretary's) key
 * (main/review/sealKeys.ts). It signs `sealStatement(sha256, holder)` (schemas/review/seal.ts). The public
 * key travels with the file, but proves nothing by itself: `protokoll verify` trusts it only when
 * its fingerprint is one the user trusts.
 */
export const SealSignature = z.strictObject({
  alg: z.literal("Ed25519"),
  /** Fingerprint: the first 32 hex digits of SHA-256 of the raw 32-byte public key. */
  key: z.string().regex(/^[0-9a-f]{32}$/),
  /** The raw public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  /** The signature, base64 of 64 bytes. */
  value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  /** Who holds the key, as named when it was made ("Socialnämnden, X kommun"); signed with the hash. */
  holder: z.string().max(200).optional(),
});
export type SealSignature = z.infer<typeof SealSignature>;

/**
 * SHA-256 of the canonical form, set at justering and renewed at each rättelse and anslag.
 * `form` says which canonical form (schemas/review/seal.ts); absent = form 1, the unsigned seal
 * of files justerade before seal form 2. Both new keys are optional without a default, so
 * form-1 files keep their exact bytes.
 */
export const Seal = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  at: IsoDateTime,
  by: z.array(Id),
  form: z.literal(2).optional(),
  signature: SealSignature.optional(),
});
export type Seal = z.infer<typeof Seal>;

export const InterpellationMeta = z.strictObject({
  /** Interpellation number as written, e.g. "2019:11". */
  number: z.string().max(50).nullable().default(null),
  dnr: z.string().max(100).nullable().default(null),
  interpellant: Id.nullable().default(null),
  addressee: Id.nullable().default(null),
  /** Place and date of the answer ("Exempelby den 5 januari 2031"). */
  place: z.string().max(200).nullable().default(null),
  date: IsoDate.nullable().default(null),
  signatory: Id.nullable().default(null),
  /** The date of the fullmäktige meeting where the interpellation was asked (ställd). Optional, no default. */
  asked: IsoDate.optional(),
  /** The date of the fullmäktige meeting where it is answered. Optional, no default. */
  meeting: IsoDate.optional(),
});
export type InterpellationMeta = z.infer<typeof InterpellationMeta>;

export const Meta = z.strictObject({
  /** Template the document was made from (for standard phrases). */
  template: z.string().max(100).nullable().default(null),
  body: Body,
  meeting: z
    .strictObject({
      date: IsoDate.nullable().default(null),
      start: Time.nullable().default(null),
      end: Time.nullable().default(null),
      place: z.string().max(300).nullable().default(null),
    })
    .prefault({}),
  persons: z.array(Person).default([]),
  attendance: z.array(AttendanceEntry).default([]),
  recusals: z.array(Recusal).default([]),
  /**
   * §§ (agenda_item ids) that are myndighetsutövning mot enskild, where a serving member may not
   * abstain (röstplikt; rule duty-to-vote). Optional without a default, so files without it keep
   * their exact bytes (and seals).
   */
  authorityItems: z.array(Id).optional(),
  /**
   * Who presided (ledde sammanträdet) per §, where it was not the chair: the vice chair when the
   * chair was jävig or absent. The presiding chair's vote decides a tie (utslagsröst). Optional
   * without a default (existing files keep their bytes and seals).
   */
  presiding: z.array(z.strictObject({ item: Id, person: Id })).optional(),
  /**
   * The anslag of each § justerad at the meeting (omedelbar justering): its own posting date,
   * from which that §'s appeal period runs. Optional without a default.
   */
  itemNotices: z.array(z.strictObject({ item: Id, posted: IsoDate })).optional(),
  /**
   * Kallelse: when it was sent and where absence is reported (anmälan om förhinder). Optional
   * without a default (files of other kinds keep their bytes and seals).
   */
  summons: z
    .strictObject({
      issued: IsoDate.optional(),
      absenceTo: z.string().max(500).optional(),
    })
    .optional(),
  /**
   * §§ (agenda_item ids) whose beslut is still the förslag carried from the kallelse, not yet
   * confirmed by the secretary (rule decision-unconfirmed). Optional without a default.
   */
  unconfirmed: z.array(Id).optional(),
  chair: Id.nullable().default(null),
  secretary: Id.nullable().default(null),
  /** Justerare besides the chair. */
  adjusters: z.array(Id).default([]),
  adjustment: z
    .strictObject({
      date: IsoDate.nullable().default(null),
      place: z.string().max(300).nullable().default(null),
    })
    .prefault({}),
  notice: z
    .strictObject({
      /** Where the protocol is kept (förvaringsplats). */
      keptAt: z.string().max(300).nullable().default(null),
      /** Date the notice was posted on the anslagstavla. */
      posted: IsoDate.nullable().default(null),
    })
    .prefault({}),
  status: Status.default("draft"),
  seal: Seal.nullable().default(null),
  interpellation: InterpellationMeta.nullable().default(null),
  /**
   * The protocol's number in the body's series as written, "8/2020" (printed "Protokoll nr 8/2020").
   * Optional without a default, so files without it keep their exact bytes (and seals).
   */
  protocolNumber: z.string().trim().min(1).max(50).optional(),
  /**
   * Bilagor (issue 17, schemas/attachments.ts): files copied into `bilagor/` beside the document,
   * each for the whole protocol or one §, numbered in document order. Optional without a default,
   * so files without bilagor keep their exact bytes (and seals).
   */
  attachments: z.array(Attachment).max(MAX_ATTACHMENTS).optional(),
});
export type Meta = z.infer<typeof Meta>;
export type MetaInput = z.input<typeof Meta>;

/** A justerare's comment, anchored to a § and, where possible, a range of text in it. */
export const Comment = z.strictObject({
  id: Id,
  item: Id.nullable(),
  /** Offsets inside the § and the text they covered when the comment was made. */
  anchor: z
    .strictObject({ from: z.number().int().min(0), to: z.number().int().min(0), text: z.string() })
    .nullable()
    .default(null),
  author: z.string().min(1).max(200),
  at: IsoDateTime,
  text: z.string().max(20000),
  replies: z
    .array(
      z.strictObject({
        author: z.string().min(1).max(200),
        at: IsoDateTime,
        text: z.string().max(20000),
      }),
    )
    .default([]),
  resolved: z.boolean().default(false),
  /** The text the comment was anchored to, once it no longer exists in the § (the comment stays on the §). */
  detachedText: z.string().max(20000).nullable().default(null),
});
export type Comment = z.infer<typeof Comment>;

export const Approval = z.strictObject({
  item: Id,
  /** Person id of the justerare (or chair). */
  by: Id,
  at: IsoDateTime,
  state: z.enum(["approved", "changes_requested"]),
  note: z.string().max(5000).nullable().default(null),
  /** SHA-256 of the § as it was approved: the approval counts only while the § still has this hash. */
  itemHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .default(null),
});
export type Approval = z.infer<typeof Approval>;

export const Review = z.strictObject({
  comments: z.array(Comment).default([]),
  approvals: z.array(Approval).default([]),
  /** Per reader: the document text they last looked at (for "what changed since"). */
  lastSeen: z.record(z.string(), z.strictObject({ at: IsoDateTime, doc: z.unknown() })).default({}),
});
export type Review = z.infer<typeof Review>;

/** What happened to the document after the meeting: status changes, justering, rättelser. Append-only. */
export const HistoryEntry = z.strictObject({
  at: IsoDateTime,
  by: z.string().min(1).max(200),
  /** `notice`: the anslag was posted (recorded after justering, with a renewed seal). */
  kind: z.enum(["status", "adjusted", "correction", "notice"]),
  /** What changed (for a rättelse: what was wrong and what it now says). */
  what: z.string().max(20000),
  why: z.string().max(20000).nullable().default(null),
  item: Id.nullable().default(null),
  seal: Seal.nullable().default(null),
  previousSeal: Seal.nullable().default(null),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
