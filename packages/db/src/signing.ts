// The installation's Ed25519 key at work: purge certificates and audit anchors are signed and checked here.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from "node:crypto";

/** The public half of an Ed25519 PKCS#8 PEM private key, as base64 of its SPKI DER. */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem))
    .export({ type: "spki", format: "der" })
    .toString("base64");
}

/** `SHA256:` + hex of the SPKI DER: what a certificate names its key by. */
export function keyFingerprint(publicKeyBase64: string): string {
  return `SHA256:${createHash("sha256").update(Buffer.from(publicKeyBase64, "base64")).digest("hex")}`;
}

export function signText(privateKeyPem: string, text: string): string {
  return sign(null, Buffer.from(text, "utf8"), createPrivateKey(privateKeyPem)).toString("base64");
}

/** False for a bad signature, a key that is not Ed25519, or anything unreadable. */
export function verifyText(publicKeyBase64: string, text: string, signatureBase64: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "ed25519") return false;
    return verify(null, Buffer.from(text, "utf8"), key, Buffer.from(signatureBase64, "base64"));
  } catch {
    return false;
  }
}
