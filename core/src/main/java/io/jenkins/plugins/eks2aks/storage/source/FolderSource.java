package io.jenkins.plugins.eks2aks.storage.source;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A local folder: every regular file below it, named by its path relative to the folder with {@code /} separators. */
public final class FolderSource implements StorageSource {

    private final Path root;

    public FolderSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root)) {
            throw new MigrationException("Source folder '" + root + "' does not exist or is not a folder");
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public void list(Consumer<SourceObject> each) {
        // Sorted, so runs list in the same order (progress and reports read the same twice).
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> each.accept(describe(file)));
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException("Cannot list source folder '" + root + "': " + e.getMessage(), e);
        }
    }

    private SourceObject describe(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            return new SourceObject(name, attributes.size(), null, attributes.lastModifiedTime().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(SourceObject object) throws IOException {
        return Files.newInputStream(root.resolve(object.name()));
    }
}
