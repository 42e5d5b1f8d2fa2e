import { describe, expect, it } from "vitest";
import { flattenPng } from "./flattenPng.js";
import { decodeRgbPng, encodePng } from "./png.testkit.js";

describe("flattenPng", () => {
  it("composites an RGBA logo on white into an RGB PNG without alpha, pixel by pixel", () => {
    const alpha = (x: number, y: number) => (x * 37 + y * 11) % 256;
    const color = (x: number, y: number) => [(x * 13) % 256, (y * 29) % 256, (x * y) % 256];
    const input = encodePng(23, 17, 6, (x, y) => [...color(x, y), alpha(x, y)]);
    const out = decodeRgbPng(flattenPng(input));
    expect([out.width, out.height, out.colorType]).toEqual([23, 17, 2]);
    for (let y = 0; y < 17; y++)
      for (let x = 0; x < 23; x++) {
        const a = alpha(x, y);
        expect(out.pixel(x, y)).toEqual(color(x, y).map((c) => Math.round((c * a + 255 * (255 - a)) / 255)));
      }
  });

  it("returns a PNG without transparency unchanged", () => {
    const input = encodePng(5, 5, 2, (x, y) => [x * 50, y * 50, 0]);
    expect(Buffer.from(flattenPng(input)).equals(Buffer.from(input))).toBe(true);
  });

  it("refuses what is not a PNG, with a message in Swedish and English", () => {
    expect(() => flattenPng(new Uint8Array([1, 2, 3]))).toThrow(/ingen PNG-bild \/ The logo is not a PNG image/);
  });
});
