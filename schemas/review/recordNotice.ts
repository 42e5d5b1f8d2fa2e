/**
 * The anslag after justering (KL 8:12): the day the notice was posted on the anslagstavla is
 * recorded after the protocol is justerat, so it cannot be part of the justering's seal. It is
 * recorded as its own entry in the history with a renewed seal (signed in the host like the
 * justering), so the date the appeal period runs from is covered and cannot be changed unnoticed.
 */
import { parseIsoDate, swedishLongDate } from "../dates.js";
import type { ProtokollFile } from "../file.js";
import type { HistoryEntry } from "../meta.js";
import { badTime, copyFile, refuse, statusIs, type ReviewResult } from "./reviewResult.js";
import { makeSeal, verifySeal } from "./seal.js";

export function recordNotice(
  file: ProtokollFile,
  posted: string,
  by: string,
  at: string,
): ReviewResult {
  if (file.meta.status !== "adjusted")
    return refuse(`${statusIs(file.meta)}. Anslaget sätts upp först när protokollet är justerat.`);
  const sealed = verifySeal(file);
  if (!sealed.ok) return refuse(`Anslaget kan inte registreras: ${sealed.message}`);
  const time = badTime(at);
  if (time) return refuse(time);
  if (!parseIsoDate(posted)) return refuse(`Ogiltigt datum "${posted}" – skriv ÅÅÅÅ-MM-DD.`);
  const adjusted = file.meta.adjustment.date;
  if (adjusted && posted < adjusted)
    return refuse(
      `Anslaget kan inte sättas upp ${swedishLongDate(posted, { den: true })}, före justeringen ${swedishLongDate(adjusted, { den: true })}.`,
    );
  if (posted > at.slice(0, 10))
    return refuse(
      `Anslaget kan inte registreras i förväg (${swedishLongDate(posted, { den: true })}).`,
    );
  const who = by.trim();
  if (!who || who.length > 100)
    return refuse("Ange vem som registrerar anslaget (högst 100 tecken).");
  const before = file.meta.notice.posted;
  if (before === posted)
    return refuse(`Anslaget är redan registrerat ${swedishLongDate(posted, { den: true })}.`);
  const next = copyFile(file);
  next.meta.notice.posted = posted;
  const entry: HistoryEntry = {
    at,
    by: who,
    kind: "notice",
    what: before
      ? `Anslagsdatum ändrat från ${swedishLongDate(before, { den: true })} till ${swedishLongDate(posted, { den: true })}.`
      : `Anslaget sattes upp ${swedishLongDate(posted, { den: true })}.`,
    why: null,
    item: null,
    seal: null,
    previousSeal: file.meta.seal,
  };
  next.history.push(entry);
  const seal = makeSeal(next, at, [who]);
  entry.seal = seal;
  next.meta.seal = seal;
  return { ok: true, file: next };
}
