import { describe, expect, it } from "vitest";
import { swedishLongDate } from "./dates.js";
import { deadlines, easterSunday, isNonWorkingDay, nextWorkingDay, swedishHolidays } from "./deadlines.js";

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
      appealEnds: "2020-09-23",
    });
  });
  it("extends an appeal period that would end on annandag jul", () => {
    expect(deadlines("2026-11-20", "2026-12-03", "2026-12-05").appealEnds).toBe("2026-12-28");
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
