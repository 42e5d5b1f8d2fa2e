/**
 * SHA-256 for the seal and the per-§ hashes of approvals and omedelbar justering: @noble/hashes
 * (audited, synchronous, pure JavaScript), so it runs the same in main, renderer and CLI without
 * `crypto.subtle` (which is async and missing in insecure browser contexts). Text is hashed as its
 * UTF-8 bytes; the result is 64 lowercase hex digits.
 */
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** SHA-256 of bytes, as 64 lowercase hex digits. */
export function sha256Bytes(data: Uint8Array): string {
  return bytesToHex(nobleSha256(data));
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256(text: string): string {
  return sha256Bytes(utf8ToBytes(text));
}
