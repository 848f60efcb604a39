package se.forebygg.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash chain of an audit log: each line's {@code prev} is the link of the line before it — the
 * SHA-256 of its exact bytes, or with a key their HMAC-SHA256, which nobody without the key can
 * recompute after changing a line.
 */
final class Chain {
    static final String SHA_256 = "sha-256";
    static final String HMAC_SHA_256 = "hmac-sha256";

    private final SecretKeySpec key;

    private Chain(SecretKeySpec key) {
        this.key = key;
    }

    /** Keyed by {@code key} (its UTF-8 bytes); unkeyed when it is null or empty. */
    static Chain of(String key) {
        return key == null || key.isEmpty() ? new Chain(null)
                : new Chain(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    boolean keyed() {
        return key != null;
    }

    /** What the header's {@code chain} says. */
    String name() {
        return keyed() ? HMAC_SHA_256 : SHA_256;
    }

    /** What the line after {@code line} (its bytes without the end of line) holds as {@code prev}. */
    String link(byte[] line) {
        return keyed() ? "hmac-sha256:" + HexFormat.of().formatHex(mac(line)) : sha256(line);
    }

    /** The header's {@code keyCheck}: tells a wrong key from a changed line, reveals nothing of the key. */
    String keyCheck(String auditLogId) {
        return HexFormat.of().formatHex(mac(("forebygg audit key check " + auditLogId).getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of {@code bytes}, as {@code sha256:<hex>}: a line's hash as the ledger anchors it. */
    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe: one per use
            mac.init(key);
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
