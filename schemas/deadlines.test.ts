import { describe, expect, it } from "vitest";
import { swedishLongDate } from "./dates.js";
import {
  deadlines,
  easterSunday,
  isNonWorkingDay,
  itemDeadlines,
  nextWorkingDay,
  statutoryLastDay,
  swedishHolidays,
} from "./deadlines.js";
import { Meta } from "./meta.js";

describe("Swedish holidays and deadlines", () => {
  it("computes Easter Sunday for known years", () => {
    expect(easterSunday(2020)).toBe("2020-04-12");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });
  it("knows midsommarafton, Kristi himmelsfärd and alla helgons dag", () => {
    const h = swedishHolidays(2026);
    expect(h.get("2026-06-19")).toBe("midsommarafton");
    expect(h.get("2026-06-20")).toBe("midsommardagen");
    expect(h.get("2026-05-14")).toBe("Kristi himmelsfärdsdag");
    expect(h.get("2026-10-31")).toBe("alla helgons dag");
  });
  it("moves a deadline across a weekend, Easter, Midsommar, Christmas and the year end", () => {
    expect(nextWorkingDay("2020-09-19")).toBe("2020-09-21"); // Saturday
    expect(nextWorkingDay("2026-04-03")).toBe("2026-04-07"); // långfredag → tisdag efter annandag påsk
    expect(nextWorkingDay("2026-06-19")).toBe("2026-06-22"); // midsommarafton
    expect(nextWorkingDay("2026-12-24")).toBe("2026-12-28"); // julafton, juldagen, annandag, helg
    expect(nextWorkingDay("2026-12-31")).toBe("2027-01-04"); // nyårsafton, nyårsdagen, helg
    expect(isNonWorkingDay("2026-11-23")).toBe(false);
  });
  it("gives the dates of seed 002: justering 2020-08-31, notice by 2020-09-02, appeal until 2020-09-23", () => {
    expect(deadlines("2020-08-25", "2020-08-31", null)).toEqual({
      adjustmentBy: "2020-09-08",
      noticeBy: "2020-09-02",
      noticePosted: "2020-09-02",
      noticePostedRecorded: false,
      appealEnds: "2020-09-23",
      noticeDown: "2020-09-24",
    });
  });
  it("extends an appeal period that would end on annandag jul", () => {
    expect(deadlines("2026-11-20", "2026-12-03", "2026-12-05").appealEnds).toBe("2026-12-28");
  });
  it("lets an anslag due on Sunday after a Friday justering wait until Monday (justering 2025-03-14 → anslag by 2025-03-17)", () => {
    expect(deadlines("2025-03-07", "2025-03-14", null).noticeBy).toBe("2025-03-17");
  });
  it("moves the last day for justering past Christmas (meeting 2025-12-11 → justering by Monday 2025-12-29)", () => {
    expect(deadlines("2025-12-11", null, null).adjustmentBy).toBe("2025-12-29");
    expect(statutoryLastDay("2025-12-11", 14)).toBe("2025-12-29");
  });
  it("moves the last day for justering past Easter and midsommar", () => {
    // Meeting 2025-04-04: day 14 is långfredagen 18 April; påskdagen, annandag påsk → tisdag 22 April.
    expect(deadlines("2025-04-04", null, null).adjustmentBy).toBe("2025-04-22");
    // Meeting 2025-06-06: day 14 is fredag 20 June, midsommarafton → måndag 23 June.
    expect(deadlines("2025-06-06", null, null).adjustmentBy).toBe("2025-06-23");
    // Justering Wednesday 2025-06-18: the 2nd day is midsommarafton → anslag by måndag 23 June.
    expect(deadlines("2025-06-10", "2025-06-18", null).noticeBy).toBe("2025-06-23");
  });
  it("keeps the anslag up the whole appeal period: it may be taken down the day after the period ends", () => {
    const d = deadlines("2025-03-07", "2025-03-14", "2025-03-17");
    expect(d.appealEnds).toBe("2025-04-07");
    expect(d.noticeDown).toBe("2025-04-08");
    expect(d.noticePostedRecorded).toBe(true);
  });
  it("gives a § justerad at the meeting its own anslag and appeal period, counted from its own justering", () => {
    const meta = Meta.parse({
      body: { name: "Nämnden" },
      meeting: { date: "2025-03-13" },
      adjustment: { date: "2025-03-24" },
      notice: { posted: "2025-03-25" },
      itemNotices: [{ item: "p3", posted: "2025-03-14" }],
    });
    const history = [{ kind: "adjusted" as const, item: "p3", at: "2025-03-13T18:00" }];
    expect(itemDeadlines({ meta, history }, "p3")).toMatchObject({
      immediate: true,
      adjusted: "2025-03-13",
      noticeBy: "2025-03-17",
      noticePosted: "2025-03-14",
      appealEnds: "2025-04-04",
      noticeDown: "2025-04-05",
    });
    expect(itemDeadlines({ meta, history }, "p4")).toMatchObject({
      immediate: false,
      adjusted: "2025-03-24",
      noticePosted: "2025-03-25",
      appealEnds: "2025-04-15",
    });
    // Marked for omedelbar justering, not yet justerad and no anslag recorded: estimated from the meeting, not as fact.
    expect(
      itemDeadlines({ meta: { ...meta, itemNotices: [] }, history: [] }, "p5", true),
    ).toMatchObject({ immediate: true, noticePostedRecorded: false, noticeBy: "2025-03-17" });
  });
  it("writes dates in Swedish long form", () => {
    expect(swedishLongDate("2020-08-25", { den: true })).toBe("den 25 augusti 2020");
    expect(swedishLongDate("2020-08-31", { weekday: true })).toBe("måndag den 31 augusti 2020");
  });
});

describe("local dates", () => {
  it("gives the local calendar date and minute, not UTC", async () => {
    const { localIsoDate, localIsoDateTime } = await import("./dates.js");
    const d = new Date(2026, 0, 5, 23, 7, 59);
    expect(localIsoDate(d)).toBe("2026-01-05");
    expect(localIsoDateTime(d)).toBe("2026-01-05T23:07");
  });
});
