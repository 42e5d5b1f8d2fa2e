import { describe, expect, it } from "vitest";
import {
  findPersonalNumbers,
  isPersonalNumber,
  luhnValid,
  plausibleDate,
} from "./personalNumbers.js";

describe("the personnummer detector", () => {
  it("accepts the Luhn check digit of valid numbers and rejects a changed digit", () => {
    expect(luhnValid("8112189876")).toBe(true);
    expect(luhnValid("8112189875")).toBe(false);
  });

  it("finds a number with every separator a secretary or a word processor writes", () => {
    const forms = [
      "811218-9876",
      "811218+9876",
      "811218–9876",
      "811218\u20119876",
      "811218 9876",
      "811218\u00a09876",
      "8112189876",
      "19811218-9876",
      "198112189876",
      "19811218 – 9876",
      "811218\u22129876",
    ];
    for (const f of forms) {
      expect(isPersonalNumber(f), JSON.stringify(f)).toBe(true);
      expect(
        findPersonalNumbers(`Sökande ${f}, boende i kommunen.`).map((m) => m.digits),
        f,
      ).toEqual(["8112189876"]);
    }
  });

  it("checks that the date part is a date, day + 60 for a samordningsnummer, and 29 February only in a leap year", () => {
    expect(plausibleDate("811218")).toBe(true);
    expect(plausibleDate("811278")).toBe(true); // samordningsnummer
    expect(plausibleDate("811318")).toBe(false);
    expect(plausibleDate("810231")).toBe(false);
    expect(plausibleDate("19000229")).toBe(false);
    expect(plausibleDate("20000229")).toBe(true);
    expect(isPersonalNumber("701063-2391")).toBe(true);
  });

  it("leaves Dnr, dates, telephone numbers and wrong check digits alone", () => {
    const text =
      "Dnr 1.7.1-213/2020, KS 2020/393, möte 2020-08-25, tel 08-508 250 00, fel 811218-9875, nr 12345678901234.";
    expect(findPersonalNumbers(text)).toEqual([]);
  });

  it("gives the offsets of each number in running text", () => {
    const text = "A 811218-9876 och B 19121212 1212.";
    const found = findPersonalNumbers(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(["811218-9876", "19121212 1212"]);
  });
});
