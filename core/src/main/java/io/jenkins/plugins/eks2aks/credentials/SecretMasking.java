package io.jenkins.plugins.eks2aks.credentials;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that is about to be printed or written: the values a run knows are secret (keys, SAS tokens,
 * connection strings), and whatever looks like a signature in a URL or a key in a connection string even when the run
 * did not know it (a SAS a tool echoes back, a presigned URL in an SDK error message).
 */
public final class SecretMasking {

    /** What stands in for a secret. */
    public static final String MASK = "****";

    /** Never shown in full: SAS signatures, presigned S3 signatures and tokens, connection-string keys. */
    private static final Pattern SECRET_PARAMETERS = Pattern.compile(
            "(?i)((?:[?&;]|^)(?:sig|x-amz-signature|x-amz-security-token|x-amz-credential)=)([^&\\s\"';]+)");
    private static final Pattern CONNECTION_STRING_KEYS = Pattern.compile(
            "(?i)((?:AccountKey|SharedAccessSignature|SharedAccessKey)=)([^;\\s\"']+)");

    /** Masks only the patterns, no known values. */
    public static final SecretMasking PATTERNS = new SecretMasking(List.of());

    private final List<String> secrets;

    private SecretMasking(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Masks these values wherever they appear (blank and very short values are ignored: masking them hides too much). */
    public static SecretMasking of(Collection<String> values) {
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v != null && v.trim().length() >= 4 && !kept.contains(v)) {
                kept.add(v);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasking(List.copyOf(kept));
    }

    /** This masking and one more secret value. */
    public SecretMasking with(String value) {
        List<String> all = new ArrayList<>(secrets);
        all.add(value);
        return of(all);
    }

    /** {@code text} with every known secret and every secret-looking parameter replaced by {@value #MASK}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        out = replace(SECRET_PARAMETERS, out);
        return replace(CONNECTION_STRING_KEYS, out);
    }

    private static String replace(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + MASK));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
