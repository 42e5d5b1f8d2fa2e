/**
 * Swedish personal identity numbers (personnummer, samordningsnummer) in text, for the public
 * version: 10 or 12 digits — ÅÅMMDD-NNNK, ÅÅÅÅMMDDNNNK, with "-", "+" (over 100) or nothing
 * between date and number — whose last digit is the Luhn check digit of the 10-digit form and
 * whose date part is a date (day + 60 for a samordningsnummer). Other digit runs (Dnr,
 * telephone numbers, a number with a wrong check digit) are left as they are.
 */

export const PERSONAL_NUMBER_MASK = "ÅÅMMDD-XXXX";

const candidate = /(?<![\d-])((?:19|20)?\d{6})([-+]?)(\d{4})(?![\d])/g;

/** Luhn check of the 10-digit form (the check digit is the last of the ten). */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function plausibleDate(yymmdd: string): boolean {
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60; // samordningsnummer
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Is this string (one number, with or without century and separator) a valid personnummer? */
export function isPersonalNumber(s: string): boolean {
  candidate.lastIndex = 0;
  const m = candidate.exec(s.trim());
  candidate.lastIndex = 0;
  if (!m || m[0] !== s.trim()) return false;
  return validParts(m[1]!, m[3]!);
}

function validParts(datePart: string, last4: string): boolean {
  const yymmdd = datePart.length === 8 ? datePart.slice(2) : datePart;
  return plausibleDate(yymmdd) && luhnValid(yymmdd + last4);
}

/** Replace every valid personnummer in the text by the mask. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(candidate, (whole, datePart: string, _sep: string, last4: string) =>
    validParts(datePart, last4) ? PERSONAL_NUMBER_MASK : whole,
  );
}
