import { describe, expect, it } from "vitest";
import {
  isPersonalNumber,
  luhnValid,
  maskPersonalNumbers,
  maskPersonalNumbersInRuns,
  PERSONAL_NUMBER_MASK,
} from "./maskPersonalNumbers.js";

describe("maskPersonalNumbers", () => {
  it("accepts the Luhn check digit of known valid numbers and rejects a changed digit", () => {
    expect(luhnValid("8112189876")).toBe(true);
    expect(luhnValid("1212121212")).toBe(true);
    expect(luhnValid("8112189875")).toBe(false);
    expect(luhnValid("1212121213")).toBe(false);
  });

  it("recognises 10 and 12 digits, with hyphen, plus or nothing", () => {
    for (const s of [
      "811218-9876",
      "8112189876",
      "19811218-9876",
      "198112189876",
      "121212+1212",
      "20121212-1212",
    ])
      expect(isPersonalNumber(s), s).toBe(true);
    for (const s of ["811218-9875", "19811218-9877", "1.7.1-213/2020", "131318-1234"])
      expect(isPersonalNumber(s), s).toBe(false);
  });

  it("masks a samordningsnummer (day + 60)", () => {
    expect(maskPersonalNumbers("sn 701063-2391")).toBe(`sn ${PERSONAL_NUMBER_MASK}`);
  });

  it("masks only the valid numbers in running text and leaves Dnr, dates and wrong check digits", () => {
    const text =
      "Sökande 811218-9876 (make 19811218-9876), fel 811218-9875, Dnr 1.7.1-213/2020, möte 2020-08-25, tel 08-508 250 00, 8112189876.";
    expect(maskPersonalNumbers(text)).toBe(
      `Sökande ${PERSONAL_NUMBER_MASK} (make ${PERSONAL_NUMBER_MASK}), fel 811218-9875, Dnr 1.7.1-213/2020, möte 2020-08-25, tel 08-508 250 00, ${PERSONAL_NUMBER_MASK}.`,
    );
  });
});

describe("maskPersonalNumbersInRuns", () => {
  it("masks a number split over a bold and a plain run, keeping the text around it", () => {
    const runs = [
      { text: "Sökande " },
      { text: "19460619-", bold: true },
      { text: "3029 bor här." },
    ];
    const masked = maskPersonalNumbersInRuns(runs);
    expect(masked).toEqual([
      { text: "Sökande " },
      { text: PERSONAL_NUMBER_MASK, bold: true },
      { text: " bor här." },
    ]);
  });

  it("masks several numbers, each in the run where it starts, and drops runs left empty", () => {
    const runs = [
      { text: "a 8801" },
      { text: "01–1233", italic: true },
      { text: " b 730412\u20115565" },
    ];
    const masked = maskPersonalNumbersInRuns(runs);
    expect(masked.map((r) => r.text).join("")).toBe(
      `a ${PERSONAL_NUMBER_MASK} b ${PERSONAL_NUMBER_MASK}`,
    );
    expect(masked.map((r) => r.text).join("")).not.toMatch(/1233|5565/);
  });
});
