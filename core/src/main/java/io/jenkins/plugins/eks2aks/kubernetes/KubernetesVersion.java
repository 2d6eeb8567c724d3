package io.jenkins.plugins.eks2aks.kubernetes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor version such as {@code 1.29}. Parses what clusters report ({@code v1.29.8-eks-a737599},
 * {@code 1.29}), so versions from EKS, AKS and the API server compare alike.
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:[.+-].*)?$");

    public static Optional<KubernetesVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.trim());
        return m.matches()
                ? Optional.of(new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public static KubernetesVersion of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a Kubernetes version: " + text));
    }

    public boolean isBefore(KubernetesVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(KubernetesVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
