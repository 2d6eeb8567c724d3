package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to an image in any OCI distribution registry: {@code registry/repository[:tag][@sha256:digest]}.
 * Unlike {@link EcrImageReference} it accepts every registry, since copy mode works with any of them.
 *
 * @param registry   host with optional port, e.g. {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com} or
 *                   {@code 127.0.0.1:5000}; {@code docker.io} when the reference names none
 * @param repository the repository path, e.g. {@code shop/web}
 * @param tag        the tag, or null
 * @param digest     the manifest digest {@code sha256:<64 hex>}, or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    // The OCI distribution spec's grammar for repository path components, tags and sha256 digests.
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REFERENCE = Pattern.compile(
            "^(?:([a-zA-Z0-9.-]+(?::\\d{1,5})?)/)?"
                    + "(" + COMPONENT + "(?:/" + COMPONENT + ")*)"
                    + "(?::([\\w][\\w.-]{0,127}))?"
                    + "(?:@(sha256:[a-f0-9]{64}))?$");
    private static final String DEFAULT_REGISTRY = "docker.io";

    /**
     * Parses {@code image}; a reference without tag or digest means {@code :latest}, as docker and skopeo read it.
     *
     * @throws MigrationException naming the reference and what a valid one looks like
     */
    public static ImageReference parse(String image) {
        String text = image == null ? "" : image.trim();
        Matcher m = REFERENCE.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new MigrationException("Invalid image reference '" + image
                    + "': expected registry/repository[:tag][@sha256:<64 hex digits>], e.g. "
                    + "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.0");
        }
        String registry = m.group(1);
        String repository = m.group(2);
        // "team/app" has no registry: the first component names one only when it looks like a host.
        if (registry != null && !registry.contains(".") && !registry.contains(":") && !registry.equals("localhost")) {
            repository = registry + "/" + repository;
            registry = null;
        }
        if (registry == null) {
            registry = DEFAULT_REGISTRY;
            if (!repository.contains("/")) {
                repository = "library/" + repository;
            }
        }
        String tag = m.group(3);
        String digest = m.group(4);
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry.toLowerCase(), repository, tag, digest);
    }

    /** The tag when there is one, else the digest: what a manifest request names. */
    public String reference() {
        return digest != null ? digest : tag;
    }

    /** The same image in another repository of another registry, keeping tag and digest. */
    public ImageReference in(String otherRegistry, String otherRepository) {
        return new ImageReference(otherRegistry, otherRepository, tag, digest);
    }

    public ImageReference withDigest(String newDigest) {
        return new ImageReference(registry, repository, tag, newDigest);
    }

    /** {@code registry/repository}. */
    public String name() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
