package io.jenkins.plugins.eks2aks.velero;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a command's result files into its output folder, as a whole (see {@link StagedDirectory}). */
public final class ResultFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** Writes {@code files} (name → content) into {@code folder}, replacing it. */
    public static void write(Path folder, String command, boolean force, Map<String, String> files) {
        try (StagedDirectory staged = StagedDirectory.create(folder.toAbsolutePath().normalize(), command, force)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(staged.path().resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            staged.commit();
        } catch (IOException e) {
            throw new MigrationException("Cannot write into '" + folder + "': " + e.getMessage(), e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new MigrationException("Cannot render JSON: " + e.getMessage(), e);
        }
    }
}
