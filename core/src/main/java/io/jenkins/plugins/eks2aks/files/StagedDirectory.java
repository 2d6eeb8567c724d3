package io.jenkins.plugins.eks2aks.files;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An output directory written in a temporary sibling and moved into place only when everything succeeded,
 * so a failed run leaves the previous output as it was and a re-run starts clean.
 * Use: {@code try (StagedDirectory out = StagedDirectory.create(target)) { write into out.path(); out.commit(); }}.
 */
public final class StagedDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static StagedDirectory create(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
                throw new MigrationException("Output '" + target + "' exists and is not a directory");
            }
            // Same parent directory, so the final move is a rename on the same file system.
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp-");
            return new StagedDirectory(absolute, staging);
        } catch (IOException e) {
            throw new MigrationException("Cannot create output directory next to '" + target + "': " + e.getMessage(), e);
        }
    }

    /** Where to write. */
    public Path path() {
        return staging;
    }

    /** Replaces the target with what was written. */
    public void commit() {
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                move(target, old);
            }
            move(staging, target);
            committed = true;
        } catch (IOException e) {
            throw new MigrationException("Cannot move the output into '" + target + "': " + e.getMessage(), e);
        } finally {
            if (old != null) {
                deleteQuietly(old);
            }
        }
    }

    @Override
    public void close() {
        if (!committed) {
            deleteQuietly(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Left-over temporary files are harmless (hidden, named .*.tmp-*); never mask the real outcome.
        }
    }
}
