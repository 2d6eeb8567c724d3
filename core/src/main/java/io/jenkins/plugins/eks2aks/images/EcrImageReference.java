package io.jenkins.plugins.eks2aks.images;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to an image in a private Amazon ECR registry:
 * {@code <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>[:tag][@sha256:digest]} (FIPS endpoints
 * serve the same registry).
 * ECR Public ({@code public.ecr.aws/...}) is a different service and does not match.
 *
 * @param host       the registry host, e.g. {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com}
 * @param account    the 12-digit AWS account id
 * @param region     the AWS region
 * @param repository the repository path, e.g. {@code shop/web}
 * @param tag        the tag, or null
 * @param digest     the manifest digest {@code sha256:<64 hex>}, or null
 */
public record EcrImageReference(String host, String account, String region, String repository, String tag,
                                String digest) {

    // Grammar from the ECR API reference (repository names, tags) and the China partition's host suffix.
    private static final Pattern ECR = Pattern.compile(
            "^((\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?)"
                    + "/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)"
                    + "(?::([\\w][\\w.-]{0,127}))?"
                    + "(?:@(sha256:[a-f0-9]{64}))?$");

    /** Parses {@code image}; empty when it is not a private ECR reference. */
    public static Optional<EcrImageReference> parse(String image) {
        if (image == null) {
            return Optional.empty();
        }
        Matcher m = ECR.matcher(image.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EcrImageReference(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)));
    }

    /** Tag and digest as they follow the repository: {@code :tag}, {@code @digest}, both, or nothing. */
    public String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return host + "/" + repository + suffix();
    }
}
