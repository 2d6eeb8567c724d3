package io.jenkins.plugins.eks2aks.credentials;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text before it reaches a log: the literal values a front end resolved (keys, client secrets,
 * session tokens), and every value shaped like a token the engine derives from them where it runs, which the front
 * end never sees: EKS tokens ({@code k8s-aws-v1.…}), JWTs (Entra access tokens, ACR refresh and access tokens), ECR
 * authorization tokens (base64 of {@code AWS:…}) and their passwords (base64 of a JSON object, {@code eyJ…}), and
 * the credential of any {@code Basic}/{@code Bearer} header, the signature of a SAS ({@code sig=}) or of a presigned S3 URL,
 * and the key of a storage connection string ({@code AccountKey=}).
 * Each match becomes {@code ****}, as Jenkins' credentials-binding masks bound values. Immutable and thread-safe.
 */
public final class SecretMask {

    public static final String MASK = "****";
    /** Shorter literals would hide ordinary words; no real key, secret or token is this short. */
    static final int MIN_LITERAL = 4;

    /** An EKS token: {@code k8s-aws-v1.} and the base64url of a presigned STS GetCallerIdentity URL. */
    public static final String EKS_TOKEN = "k8s-aws-v1\\.[A-Za-z0-9_-]+";
    private static final String TOKEN_SHAPES = String.join("|",
            EKS_TOKEN,
            "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*",
            "eyJ[A-Za-z0-9+/_-]{36,}={0,2}",
            "QVdTO[A-Za-z0-9+/]{16,}={0,2}",
            "(?<=\\b(?:Basic|Bearer) )[A-Za-z0-9+/=._~-]{8,}",
            // The signature of a SAS and of a presigned S3 URL, a presigned URL's key id and session token, and the key of
            // a storage connection string: the rest of such a URL or string stays readable.
            "(?i:(?<=[?&;]sig=)[^&\\s\"';]+)",
            "(?i:(?<=^sig=)[^&\\s\"';]+)",
            "(?i:(?<=[?&]x-amz-(?:signature|security-token|credential)=)[^&\\s\"';]+)",
            "(?i:(?<=(?:AccountKey|SharedAccessSignature|SharedAccessKey)=)[^;\\s\"']+)");

    /** Only the token shapes: what a front end uses when it resolved no credential itself. */
    public static final SecretMask TOKENS = new SecretMask(List.of(), TOKEN_SHAPES);
    /**
     * Only EKS tokens: what a log that may show a token renewed after the values were masked needs, and nothing that
     * could hide ordinary text of a build that merely looks like a header or a URL signature.
     */
    public static final SecretMask EKS_TOKENS = new SecretMask(List.of(), EKS_TOKEN);

    private final List<String> literals;
    private final String shapes;
    private final Pattern pattern;

    private SecretMask(List<String> literals, String shapes) {
        this.literals = literals;
        this.shapes = shapes;
        StringBuilder regex = new StringBuilder();
        // Literals come longest first (see of), so a value that contains another is hidden whole.
        for (String literal : literals) {
            regex.append(Pattern.quote(literal)).append('|');
        }
        this.pattern = Pattern.compile(regex.append(shapes).toString());
    }

    /** A mask over these values (nulls and values shorter than four characters are ignored) and the token shapes. */
    public static SecretMask of(Collection<String> values) {
        return of(values, TOKEN_SHAPES);
    }

    private static SecretMask of(Collection<String> values, String shapes) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && value.length() >= MIN_LITERAL && !kept.contains(value)) {
                kept.add(value);
            }
        }
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMask(List.copyOf(kept), shapes);
    }

    /** This mask plus more values, e.g. a token derived while the work runs. */
    public SecretMask with(Collection<String> values) {
        List<String> all = new ArrayList<>(literals);
        all.addAll(values);
        return of(all, shapes);
    }

    /** {@code text} with every secret replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(MASK) : text;
    }

    /** A stream that masks each line before passing it on to {@code out}. */
    public OutputStream wrap(OutputStream out) {
        return new MaskingOutputStream(out, this);
    }

    /** How many literal values this mask hides; never the values. */
    public int size() {
        return literals.size();
    }

    @Override
    public String toString() {
        return "SecretMask[" + literals.size() + " values and the token shapes]";
    }
}
