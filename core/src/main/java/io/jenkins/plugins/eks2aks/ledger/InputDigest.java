package io.jenkins.plugins.eks2aks.ledger;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The digest of a step's inputs: named values and the contents of files and folders (names relative to the
 * folder, in sorted order, so the same tree gives the same digest wherever it lies). A missing path counts as
 * missing, not as an error: the step itself says what is wrong with it.
 */
public final class InputDigest {

    private final MessageDigest sha256;

    public InputDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Adds a named value; null counts as absent, distinct from the empty string. */
    public InputDigest value(String name, String value) {
        field(name);
        field(value == null ? "\u0000absent" : value);
        return this;
    }

    /** Adds a file's or a folder's contents under {@code name}; null or missing counts as absent. */
    public InputDigest path(String name, Path path) {
        field(name);
        if (path == null || !Files.exists(path)) {
            field("\u0000absent");
            return this;
        }
        try {
            if (Files.isDirectory(path)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    field(path.relativize(file).toString().replace('\\', '/'));
                    contents(file);
                }
            } else {
                contents(path);
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read '" + path + "' to digest it: " + e.getMessage(), e);
        }
        return this;
    }

    /** {@code sha256:} and the hex digest. */
    public String digest() {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private void field(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) ':');
        sha256.update(bytes);
    }

    private void contents(Path file) throws IOException {
        sha256.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) ':');
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
    }
}
