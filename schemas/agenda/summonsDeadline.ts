/**
 * The last day a kallelse (or the anslag of a fullmäktige meeting) may go out: counted BACKWARDS
 * from the meeting ("senast en vecka före sammanträdesdagen"). Lag (1930:173) moves a last day that
 * falls on a holiday forward to the next vardag; that is for periods running forward from an event
 * and does not apply here, so the legal calendar's forward deadline function is not used: a period
 * before a meeting ending on a Sunday means sending on the Sunday or earlier.
 */
import { addDays } from "../dates.js";
import type { Body } from "../meta.js";

/** Days before the meeting the kallelse must be sent: the reglemente's, else a week for fullmäktige, five days otherwise. */
export function summonsDays(body: Body): number {
  return body.reglemente.summonsDays ?? (body.type === "kommunfullmäktige" ? 7 : 5);
}

/** Fullmäktige: time, place and ärenden posted on the anslagstavla at least a week before (KL 5 kap.). */
export const COUNCIL_NOTICE_DAYS = 7;

/** The latest date to send (post) when it must be done `days` days before the meeting on `meetingDate`. */
export function latestBefore(meetingDate: string, days: number): string {
  return addDays(meetingDate, -days);
}
