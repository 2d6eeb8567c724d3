package io.jenkins.plugins.eks2aks.files;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/**
 * An output directory written in a temporary sibling and moved into place only when everything succeeded,
 * so a failed run leaves the previous output as it was and a re-run starts clean. It replaces only a folder
 * {@link OutputFolder} allows (new, empty, or written by eks2aks), and marks what it writes as eks2aks's.
 * Use: {@code try (StagedDirectory out = StagedDirectory.create(target, "convert", force)) { write into out.path(); out.commit(); }}.
 */
public final class StagedDirectory implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path staging;
    private final String command;
    private final boolean force;
    private boolean committed;

    private StagedDirectory(Path target, Path staging, String command, boolean force) {
        this.target = target;
        this.staging = staging;
        this.command = command;
        this.force = force;
    }

    /**
     * Starts writing {@code target}.
     *
     * @param command what writes it (named in the marker file), e.g. {@code convert}
     * @param force   replace {@code target} even when eks2aks did not write it
     * @throws OutputFolderInUseException {@code target} holds files eks2aks did not write, and no {@code force}
     */
    public static StagedDirectory create(Path target, String command, boolean force) {
        OutputFolder.checkReplaceable(target, force);
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            // Same parent directory, so the final move is a rename on the same file system.
            Path staging = createSibling(parent, "." + absolute.getFileName() + ".tmp-");
            return new StagedDirectory(absolute, staging, command, force);
        } catch (IOException e) {
            throw new MigrationException("Cannot create output directory next to '" + target + "': " + e.getMessage(), e);
        }
    }

    /**
     * A new directory {@code prefix<n>} in {@code parent}, made as {@code mkdir} makes one: the user's umask decides
     * its permissions. ({@code Files.createTempDirectory} makes it 0700, and the staging directory becomes the
     * output folder, which others, a web server or a CI agent's other user, must be able to read.)
     */
    private static Path createSibling(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
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
            OutputFolder.mark(staging, command);
            // Checked again: the folder may have been filled by someone else while this run worked.
            OutputFolder.checkReplaceable(target, force);
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
