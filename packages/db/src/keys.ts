import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export interface Keys {
  /** keyed HMAC for suppression identifiers and audit pseudonyms */
  hmacKey: string;
  /** Ed25519 private key (PKCS#8 PEM) for purge certificates */
  signingKey?: string;
}

let installedHmac: string | undefined;

/**
 * The installation's HMAC key for code that is not handed it call by call: the audit log derives its
 * MAC key from it on every append and verification. `openDatabase` installs the keys it resolved
 * (and `@isoloir/db/testing` the test keys); with none installed, appending to the audit log fails.
 */
export function installHmacKey(hmacKey: string): void {
  installedHmac = hmacKey;
}

export function installedHmacKey(): string | undefined {
  return installedHmac;
}

export class MissingKeyError extends Error {
  constructor(
    readonly variable: string,
    hint: string,
  ) {
    super(`${variable} is not set: with DATABASE_URL, set ${variable} (${hint})`);
    this.name = "MissingKeyError";
  }
}

/** An Ed25519 private key as PKCS#8 PEM. */
export function generateSigningKey(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/** Accepts the key as PEM, or as base64 of the PEM (easier to put in an environment variable). */
function readSigningKey(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.includes("BEGIN PRIVATE KEY")) return value.replace(/\\n/g, "\n");
  const decoded = Buffer.from(value, "base64").toString("utf8");
  return decoded.includes("BEGIN PRIVATE KEY") ? decoded : undefined;
}

/**
 * With PostgreSQL the keys come from the environment; the command refuses to start without the HMAC
 * key. The signing key is checked by the commands that sign (purge runs).
 */
export function keysFromEnv(env: NodeJS.ProcessEnv = process.env): Keys {
  const hmacKey = env.ISOLOIR_HMAC_KEY;
  if (!hmacKey) throw new MissingKeyError("ISOLOIR_HMAC_KEY", "e.g. `openssl rand -hex 32`");
  return { hmacKey, signingKey: readSigningKey(env.ISOLOIR_SIGNING_KEY) };
}

export function requireSigningKey(keys: Keys): string {
  if (!keys.signingKey) {
    throw new MissingKeyError(
      "ISOLOIR_SIGNING_KEY",
      "an Ed25519 PKCS#8 PEM, or its base64: `openssl genpkey -algorithm ed25519 | base64 -w0`",
    );
  }
  return keys.signingKey;
}

/** In embedded mode the keys are generated once, beside the data directory, readable by its owner only. */
export function keysForDataDir(dataDir: string): Keys {
  const path = `${dataDir}.keys.json`;
  if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, "utf8")) as Keys;
    if (stored.signingKey) return stored;
    const upgraded = { ...stored, signingKey: generateSigningKey() };
    writeFileSync(path, JSON.stringify(upgraded), { mode: 0o600 });
    return upgraded;
  }
  const keys: Keys = { hmacKey: randomBytes(32).toString("hex"), signingKey: generateSigningKey() };
  writeFileSync(path, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
