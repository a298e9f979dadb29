import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateSigningKey, keysForDataDir, keysFromEnv, requireSigningKey } from "./keys";

describe("keys", () => {
  it("generates the embedded keys once, readable by the owner only", () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "isoloir-keys-")), "pglite");
    const first = keysForDataDir(dataDir);
    expect(first.hmacKey).toMatch(/^[0-9a-f]{64}$/);
    expect(first.signingKey).toContain("BEGIN PRIVATE KEY");
    expect(keysForDataDir(dataDir)).toEqual(first);
    expect(statSync(`${dataDir}.keys.json`).mode & 0o777).toBe(0o600);
  });

  it("refuses to start on PostgreSQL without the HMAC key, naming the variable", () => {
    expect(() => keysFromEnv({})).toThrow(/ISOLOIR_HMAC_KEY is not set/);
  });

  it("reads the signing key as PEM or base64, and names it when missing", () => {
    const pem = generateSigningKey();
    expect(keysFromEnv({ ISOLOIR_HMAC_KEY: "k", ISOLOIR_SIGNING_KEY: pem }).signingKey).toBe(pem);
    const b64 = Buffer.from(pem).toString("base64");
    expect(keysFromEnv({ ISOLOIR_HMAC_KEY: "k", ISOLOIR_SIGNING_KEY: b64 }).signingKey).toBe(pem);
    expect(() => requireSigningKey(keysFromEnv({ ISOLOIR_HMAC_KEY: "k" }))).toThrow(/ISOLOIR_SIGNING_KEY/);
  });
});
