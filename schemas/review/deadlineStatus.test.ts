import { describe, expect, it } from "vitest";
import { Meta, type MetaInput } from "../meta.js";
import { countdown, deadlineStatus, longDay } from "./deadlineStatus.js";

const meta = (m: Partial<MetaInput> = {}) => Meta.parse({ body: { name: "Socialnämnden" }, ...m });
const adjustedOn = (meeting: string, adjusted: string, posted: string | null = null) =>
  meta({
    meeting: { date: meeting },
    status: "adjusted",
    adjustment: { date: adjusted },
    notice: { posted },
  });

describe("deadlines for the UI and the CLI", () => {
  it("counts down the 14 days of justering from the meeting (seed 002: meeting 25 August 2020)", () => {
    const d = deadlineStatus(meta({ meeting: { date: "2020-08-25" } }), "2020-09-03");
    expect(d.adjustment).toEqual({
      kind: "adjustment",
      date: "2020-09-08",
      daysLeft: 5,
      state: "upcoming",
      sentence: "Justering senast tisdag den 8 september 2020 (5 dagar kvar).",
    });
    expect(
      deadlineStatus(meta({ meeting: { date: "2020-08-25" } }), "2020-09-07").adjustment.sentence,
    ).toBe("Justering senast tisdag den 8 september 2020 (1 dag kvar).");
    expect(
      deadlineStatus(meta({ meeting: { date: "2020-08-25" } }), "2020-09-08").adjustment,
    ).toMatchObject({
      state: "today",
      sentence: "Justering senast tisdag den 8 september 2020 (i dag).",
    });
    expect(
      deadlineStatus(meta({ meeting: { date: "2020-08-25" } }), "2020-09-11").adjustment,
    ).toMatchObject({
      state: "overdue",
      daysLeft: -3,
      sentence: "Fristen för justering gick ut tisdag den 8 september 2020 (för 3 dagar sedan).",
    });
    expect(
      deadlineStatus(meta({ meeting: { date: "2020-08-25" } }), "2020-09-03").notice.sentence,
    ).toBe("Anslaget ska sättas upp på anslagstavlan senast andra dagen efter justeringen.");
  });

  it("gives the notice and appeal dates once justerad (seed 002: justerad 31 August, appeal until 23 September)", () => {
    const d = deadlineStatus(adjustedOn("2020-08-25", "2020-08-31"), "2020-09-01");
    expect(d.adjustment).toMatchObject({
      state: "done",
      sentence: "Justerat måndag den 31 augusti 2020.",
    });
    expect(d.notice).toMatchObject({
      date: "2020-09-02",
      daysLeft: 1,
      sentence: "Anslag på anslagstavlan senast onsdag den 2 september 2020 (1 dag kvar).",
    });
    expect(d.appeal).toMatchObject({
      date: "2020-09-23",
      sentence:
        "Överklagandetiden går ut senast onsdag den 23 september 2020 (om anslaget sätts upp senast onsdag den 2 september 2020) (22 dagar kvar).",
    });
    const posted = deadlineStatus(
      adjustedOn("2020-08-25", "2020-08-31", "2020-09-01"),
      "2020-09-10",
    );
    expect(posted.notice).toMatchObject({
      state: "done",
      sentence:
        "Anslaget sattes upp tisdag den 1 september 2020 och tas ned tidigast onsdag den 23 september 2020.",
    });
    expect(posted.appeal).toMatchObject({
      date: "2020-09-22",
      daysLeft: 12,
      sentence: "Överklagandetiden går ut tisdag den 22 september 2020 (12 dagar kvar).",
    });
    expect(
      deadlineStatus(adjustedOn("2020-08-25", "2020-08-31", "2020-09-01"), "2020-09-23").appeal,
    ).toMatchObject({
      state: "done",
      sentence: "Överklagandetiden gick ut tisdag den 22 september 2020 – anslaget kan tas ned.",
    });
    expect(
      deadlineStatus(adjustedOn("2020-08-25", "2020-08-31"), "2020-10-01").appeal.sentence,
    ).toBe(
      "Överklagandetiden gick ut senast onsdag den 23 september 2020 (om anslaget sattes upp senast onsdag den 2 september 2020).",
    );
    expect(
      deadlineStatus(adjustedOn("2020-08-25", "2020-09-10"), "2020-09-10").adjustment.sentence,
    ).toBe(
      "Justerat torsdag den 10 september 2020 – efter fristen, som gick ut tisdag den 8 september 2020.",
    );
  });

  it("counts across the year end and names the holiday a deadline falls on", () => {
    const d = deadlineStatus(meta({ meeting: { date: "2026-12-18" } }), "2026-12-28");
    // Day 14 is nyårsdagen, then a weekend: justering by Monday 4 January (lag 1930:173).
    expect(d.adjustment).toMatchObject({
      date: "2027-01-04",
      daysLeft: 7,
      sentence: "Justering senast måndag den 4 januari 2027 (7 dagar kvar).",
    });
    // Notice posted on 10 December: three weeks end on nyårsafton → nyårsdagen, weekend → Monday 4 January.
    const appeal = deadlineStatus(
      adjustedOn("2026-11-30", "2026-12-08", "2026-12-10"),
      "2026-12-30",
    );
    expect(appeal.appeal).toMatchObject({
      date: "2027-01-04",
      daysLeft: 5,
      sentence: "Överklagandetiden går ut måndag den 4 januari 2027 (5 dagar kvar).",
    });
  });

  it("moves the end of the appeal period past Easter, Midsommar and Christmas", () => {
    // Three weeks from 13 March 2026 is långfredagen 3 April → after annandag påsk: tisdag 7 April.
    expect(
      deadlineStatus(adjustedOn("2026-03-05", "2026-03-11", "2026-03-13"), "2026-03-20").appeal
        .sentence,
    ).toBe("Överklagandetiden går ut tisdag den 7 april 2026 (18 dagar kvar).");
    // Easter 2027 is 28 March: three weeks from 5 March is långfredagen 26 March → tisdag 30 March.
    expect(
      deadlineStatus(adjustedOn("2027-02-25", "2027-03-03", "2027-03-05"), "2027-03-05").appeal
        .date,
    ).toBe("2027-03-30");
    // From 29 May 2026: midsommarafton 19 June → måndag 22 June.
    expect(
      deadlineStatus(adjustedOn("2026-05-20", "2026-05-27", "2026-05-29"), "2026-06-01").appeal
        .date,
    ).toBe("2026-06-22");
    // From 3 December 2026: julafton 24 December → juldagen, annandag jul, weekend → måndag 28 December.
    expect(
      deadlineStatus(adjustedOn("2026-11-24", "2026-12-01", "2026-12-03"), "2026-12-03").appeal,
    ).toMatchObject({ date: "2026-12-28", daysLeft: 25 });
    // Justerad Tuesday 22 December: the 2nd day is julafton, so the anslag may wait until Monday 28 December (lag 1930:173).
    expect(
      deadlineStatus(adjustedOn("2026-12-15", "2026-12-22"), "2026-12-22").notice.sentence,
    ).toBe("Anslag på anslagstavlan senast måndag den 28 december 2026 (6 dagar kvar).");
  });

  it("says what is missing instead of guessing when there is no meeting date", () => {
    const d = deadlineStatus(meta(), "2026-01-10");
    expect(d.adjustment).toMatchObject({
      state: "unknown",
      date: null,
      sentence: "Mötesdatum saknas – fristen för justering kan inte räknas ut.",
    });
    expect(d.appeal.state).toBe("unknown");
    expect(() => deadlineStatus(meta(), "2026-02-30")).toThrow(/Ogiltigt datum/);
  });

  it("writes days and countdowns in Swedish", () => {
    expect(longDay("2026-06-19")).toBe("fredag den 19 juni 2026 (midsommarafton)");
    expect(longDay("2026-04-06")).toBe("måndag den 6 april 2026 (annandag påsk)");
    expect([countdown(2), countdown(1), countdown(0), countdown(-1)]).toEqual([
      "(2 dagar kvar)",
      "(1 dag kvar)",
      "(i dag)",
      "(för 1 dag sedan)",
    ]);
  });
});
