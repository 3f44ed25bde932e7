/**
 * The rule that does not trust a read's description: a field whose name says it holds a secret
 * (password, passphrase, private key, token, secret, credential) must be a secret. Names are split
 * into words (camelCase, snake_case, kebab-case), so `tokenExpiry` is caught and `brokenState` is not.
 */
const SECRET_WORDS = new Set(["password", "passwords", "passwd", "pwd", "passphrase", "passphrases", "token", "tokens", "secret", "secrets", "credential", "credentials"]);

/** The lower-case words of a field name: `targetMgmtPrivateKey` -> `target mgmt private key`. */
export function wordsOf(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase());
}

/** Whether a field name says it holds a secret. */
export function nameSaysSecret(name: string): boolean {
    const words = wordsOf(name);
    return words.some((w, i) => SECRET_WORDS.has(w) || (w === "private" && words[i + 1] === "key") || w === "privatekey");
}
