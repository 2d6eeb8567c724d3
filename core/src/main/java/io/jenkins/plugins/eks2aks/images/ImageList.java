package io.jenkins.plugins.eks2aks.images;

import com.fasterxml.jackson.jr.ob.JSON;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a list of image references: one a line ({@code #} starts a comment), as the inventory's
 * {@code ecr-images.txt}; or JSON, an array of references or the inventory's report (an {@code images} array of
 * strings or of objects with a {@code reference}).
 */
public final class ImageList {

    private ImageList() {
    }

    /** @throws MigrationException naming the file when it cannot be read or parsed */
    public static List<String> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read the image list " + file + ": " + e.getMessage(), e);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return fromJson(file, trimmed);
        }
        List<String> images = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            String ref = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!ref.isEmpty()) {
                images.add(ref);
            }
        }
        return images;
    }

    private static List<String> fromJson(Path file, String json) {
        Object root;
        try {
            root = JSON.std.anyFrom(json);
        } catch (IOException e) {
            throw new MigrationException("The image list " + file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        Object array = root instanceof Map<?, ?> report ? report.get("images") : root;
        if (!(array instanceof List<?> entries)) {
            throw new MigrationException("The image list " + file + " has no 'images' array");
        }
        List<String> images = new ArrayList<>();
        for (Object n : entries) {
            Object ref = n instanceof Map<?, ?> entry ? (entry.get("reference") != null ? entry.get("reference") : entry.get("image")) : n;
            if (ref instanceof String s && !s.isBlank()) {
                images.add(s.strip());
            }
        }
        return images;
    }
}
