package io.jenkins.plugins.eks2aks.credentials;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that is about to be printed or written: the values a run knows are secret (keys, SAS tokens,
 * connection strings), and whatever looks like a signature in a URL or a key in a connection string even when the run
 * did not know it (a SAS a tool echoes back, a presigned URL in an SDK error message), or like a token the engine
 * derives from the credentials where it runs, which a front end never sees: EKS tokens ({@code k8s-aws-v1.…}), JWTs
 * (Entra access tokens, ACR refresh and access tokens), ECR authorization tokens (base64 of {@code AWS:…}) and their
 * passwords (base64 of a JSON object, {@code eyJ…}), and the credential of any {@code Basic}/{@code Bearer} header.
 * Immutable and thread-safe.
 */
public final class SecretMasking {

    /** What stands in for a secret. */
    public static final String MASK = "****";

    /** Never shown in full: SAS signatures, presigned S3 signatures and tokens, connection-string keys. */
    private static final Pattern SECRET_PARAMETERS = Pattern.compile(
            "(?i)((?:[?&;]|^)(?:sig|x-amz-signature|x-amz-security-token|x-amz-credential)=)([^&\\s\"';]+)");
    private static final Pattern CONNECTION_STRING_KEYS = Pattern.compile(
            "(?i)((?:AccountKey|SharedAccessSignature|SharedAccessKey)=)([^;\\s\"']+)");

    /** Derived tokens, masked whole. */
    private static final Pattern TOKENS = Pattern.compile(String.join("|",
            "k8s-aws-v1\\.[A-Za-z0-9_-]+",
            "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*",
            "eyJ[A-Za-z0-9+/_-]{36,}={0,2}",
            "QVdTO[A-Za-z0-9+/]{16,}={0,2}",
            "(?<=\\b(?:Basic|Bearer) )[A-Za-z0-9+/=._~-]{8,}"));

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
        return with(List.of(value));
    }

    /** This masking and more secret values, e.g. tokens derived while the work runs. */
    public SecretMasking with(Collection<String> values) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(values);
        return of(all);
    }

    /** A stream that masks each line before passing it on to {@code out}. */
    public OutputStream wrap(OutputStream out) {
        return new MaskingOutputStream(out, this);
    }

    /** How many known values this masking hides; never the values. */
    public int size() {
        return secrets.size();
    }

    @Override
    public String toString() {
        return "SecretMasking[" + secrets.size() + " values and the secret patterns]";
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
        Matcher tokens = TOKENS.matcher(out);
        if (tokens.find()) {
            out = tokens.replaceAll(MASK);
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
