/**
 * Electron's safeStorage as the protection of signing keys at rest (main/review/sealKeys.ts): the
 * OS keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux. Its asynchronous
 * API is used where the Electron version has it. Where the platform offers no real protection —
 * Linux without a keyring, where safeStorage would fall back to a fixed password ("basic_text") —
 * it reports itself unavailable, so the key gets a passphrase instead.
 */
import { safeStorage } from "electron";
import type { PlatformProtection } from "../review/sealKeys.js";

interface AsyncSafeStorage {
  isAsyncEncryptionAvailable?: () => Promise<boolean>;
  encryptStringAsync?: (text: string) => Promise<Buffer>;
  decryptStringAsync?: (data: Buffer) => Promise<{ result: string } | string>;
  getSelectedStorageBackend?: () => string;
}

/** safeStorage, looked up when used (it exists only once the app is running). */
const storage = () => safeStorage as typeof safeStorage & AsyncSafeStorage;

export function safeStorageProtection(
  platform: NodeJS.Platform = process.platform,
): PlatformProtection {
  return {
    async available() {
      let on = false;
      try {
        const s = storage();
        on = s.isAsyncEncryptionAvailable
          ? await s.isAsyncEncryptionAvailable()
          : s.isEncryptionAvailable();
      } catch {
        return false;
      }
      if (!on) return false;
      const s = storage();
      if (platform === "linux") {
        const backend = s.getSelectedStorageBackend?.() ?? "unknown";
        return backend !== "basic_text" && backend !== "unknown";
      }
      return true;
    },
    async encrypt(text) {
      const s = storage();
      return s.encryptStringAsync ? s.encryptStringAsync(text) : s.encryptString(text);
    },
    async decrypt(data) {
      const s = storage();
      if (!s.decryptStringAsync) return s.decryptString(data);
      const r = await s.decryptStringAsync(data);
      return typeof r === "string" ? r : r.result;
    },
  };
}
