package io.jenkins.plugins.eks2aks.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Manifests copied from public repositories ({@code src/test/resources/upstream}, see its NOTICE.md). */
public final class Upstream {

    public static final Path ROOT = Path.of("src", "test", "resources", "upstream");

    private Upstream() {
    }

    /** A fixture's path: {@code <repository folder>/<path in the repository>}. */
    public static Path path(String repositoryAndPath) {
        Path file = ROOT.resolve(repositoryAndPath);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no upstream fixture " + file);
        }
        return file;
    }

    /** A fixture's text. */
    public static String text(String repositoryAndPath) {
        try {
            return Files.readString(path(repositoryAndPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
