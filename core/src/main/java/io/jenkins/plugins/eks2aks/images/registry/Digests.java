package io.jenkins.plugins.eks2aks.images.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** sha256 content digests, the only algorithm registries are required to support. */
public final class Digests {

    private static final Pattern SHA256 = Pattern.compile("^sha256:[a-f0-9]{64}$");

    private Digests() {
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** {@code sha256:<hex>} of {@code content}. */
    public static String sha256(byte[] content) {
        return format(newSha256().digest(content));
    }

    public static String format(byte[] sha256) {
        return "sha256:" + HexFormat.of().formatHex(sha256);
    }

    public static boolean isSha256(String digest) {
        return digest != null && SHA256.matcher(digest).matches();
    }

    /** The tag the OCI referrers tag schema uses for {@code digest}: {@code sha256-<hex>}. */
    public static String referrersTag(String digest) {
        return digest.replace(':', '-');
    }
}
