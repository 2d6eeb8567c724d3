package io.jenkins.plugins.eks2aks.images;

import java.util.ArrayList;
import java.util.List;

/**
 * Which image one result is about: where it came from, where it went, and what it is.
 *
 * @param source    the reference as given
 * @param target    the target reference without digest ({@code registry/repo:tag}), or null when the source could
 *                  not be parsed
 * @param digest    the manifest digest (source = target), or null when unknown
 * @param platforms platforms of a multi-arch image; empty for a single-platform image or when unknown
 */
public record ImageRefs(String source, String target, String digest, List<String> platforms) {

    public ImageRefs {
        // A plain list: the result may cross the Jenkins agent channel.
        platforms = platforms == null ? new ArrayList<>() : new ArrayList<>(platforms);
    }

    /** An image whose digest is not known (it failed before its manifest was read). */
    public static ImageRefs unresolved(String source, String target) {
        return new ImageRefs(source, target, null, null);
    }

    /** {@code target@digest}: what the mapping file pins. */
    public String pinnedTarget() {
        return target + "@" + digest;
    }
}
