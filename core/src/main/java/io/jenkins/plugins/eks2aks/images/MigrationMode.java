package io.jenkins.plugins.eks2aks.images;

import java.util.Locale;

/** How images move. */
public enum MigrationMode {
    /** ACR pulls each image itself (server-side import): no bytes through the agent. */
    IMPORT,
    /** The agent streams manifests and blobs from registry to registry (OCI distribution API). */
    COPY;

    /** {@code import} or {@code copy}, any case. */
    public static MigrationMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new io.jenkins.plugins.eks2aks.MigrationException("Invalid mode '" + text + "': expected import or copy");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
