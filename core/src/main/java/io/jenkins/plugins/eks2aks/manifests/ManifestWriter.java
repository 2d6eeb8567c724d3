package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes converted manifests mirroring the input layout. A file with no applied change is copied byte for
 * byte; in a changed file only the changed documents are re-serialized (keys in their original order),
 * and everything between them, comments and separators included, stays as it was.
 */
public final class ManifestWriter {

    private final ObjectMapper yaml = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes every input file of {@code result} under {@code outputDir}. */
    public void write(ConversionResult result, Path outputDir) {
        // By identity: a record key would hash every document tree.
        Map<ManifestDocument, ConvertedDocument> byDocument = new IdentityHashMap<>();
        result.documents().forEach(d -> byDocument.put(d.original(), d));
        ManifestSet input = result.input();
        // Files left out by --exclude are not in the output either: kustomizations must not list them.
        Set<String> dropped = new HashSet<>(input.excluded());
        for (ManifestFile file : input.files()) {
            List<ConvertedDocument> documents = file.documents().stream().map(byDocument::get).toList();
            if (!documents.isEmpty() && documents.stream().allMatch(ConvertedDocument::excluded)) {
                dropped.add(file.path());
                continue; // every object in it stays behind: no file rather than an empty one
            }
            writeString(outputDir.resolve(file.path()), render(file, documents));
        }
        Map<String, List<Change>> imageChanges = new HashMap<>();
        for (ObjectChange c : result.changes()) {
            if (c.applied() && KustomizationImages.KIND.equals(c.object().kind())
                    && KustomizationImages.API_VERSION.equals(c.object().apiVersion())) {
                imageChanges.computeIfAbsent(c.object().name(), k -> new ArrayList<>()).add(c.change());
            }
        }
        Map<String, String> generatedValues = new HashMap<>();
        for (ObjectChange c : result.changes()) {
            if (c.applied() && ConfigMapGenerators.KIND.equals(c.object().kind()) && c.change().after() != null
                    && c.change().after().isTextual()) {
                generatedValues.putIfAbsent(c.document().file(), c.change().after().asText()); // a converted values file
            }
        }
        Map<String, List<PatchRewrite>> patchRewrites = new HashMap<>();
        result.patchRewrites().forEach(r -> patchRewrites.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r));
        for (String other : input.passThrough()) {
            boolean images = imageChanges.containsKey(other);
            List<PatchRewrite> rewrites = patchRewrites.getOrDefault(other, List.of());
            if (generatedValues.containsKey(other)) {
                writeString(outputDir.resolve(other), generatedValues.get(other));
                continue;
            }
            if (!rewrites.isEmpty() && rewrites.get(0).wholeFile()) {
                writeString(outputDir.resolve(other), rewrites.get(0).after()); // a converted JSON 6902 patch
                continue;
            }
            if ((!dropped.isEmpty() || images || !rewrites.isEmpty()) && Kustomizations.isKustomization(other)) {
                // A kustomization must not list a file that is no longer there, or kubectl kustomize fails.
                String text = readString(input.root().resolve(other));
                String kept = dropped.isEmpty() ? text : KustomizationResources.without(text, other, dropped);
                if (images) {
                    kept = withImages(kept, imageChanges.get(other));
                }
                if (!rewrites.isEmpty()) {
                    kept = InlinePatchText.apply(kept, rewrites); // converted inline patches
                }
                if (!kept.equals(text)) {
                    writeString(outputDir.resolve(other), kept);
                    continue;
                }
            }
            copy(input.root().resolve(other), outputDir.resolve(other));
        }
    }

    /** The kustomization with its ECR images pulled from ACR: line by line, or written anew for flow-style images. */
    private String withImages(String text, List<Change> changes) {
        return KustomizationImages.rewrite(text, changes).orElseGet(() -> {
            try {
                JsonNode tree = yaml.readTree(text);
                for (Change c : changes) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at(c.path().substring(0, c.path().lastIndexOf('/'))))
                            .set(c.path().substring(c.path().lastIndexOf('/') + 1), c.after());
                }
                return yaml.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new MigrationException("Cannot rewrite the images of a kustomization: " + e.getOriginalMessage(), e);
            }
        });
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read '" + file + "': " + e.getMessage(), e);
        }
    }

    /** The file's new text: its original text with each changed document's span replaced. */
    String render(ManifestFile file, List<ConvertedDocument> documents) {
        StringBuilder out = new StringBuilder(file.text().length() + 256);
        int cursor = 0;
        for (ConvertedDocument document : documents) {
            if (!document.changed()) {
                continue;
            }
            ManifestDocument original = document.original();
            if (document.excluded()) {
                int[] span = excludedSpan(file.text(), original);
                out.append(file.text(), cursor, Math.max(cursor, span[0]));
                cursor = Math.max(cursor, span[1]);
                continue;
            }
            String originalText = file.text().substring(original.start(), original.end());
            out.append(file.text(), cursor, original.start());
            // The comment block heading a document usually says what it is: keep it above the new text.
            out.append(leadingComments(originalText));
            boolean crlf = originalText.contains("\r\n");
            String replacement = serialize(file.json(), document.converted());
            if (!file.json()) {
                replacement = InnerComments.carry(crlf ? originalText.replace("\r\n", "\n") : originalText, replacement);
            }
            if (crlf) {
                replacement = replacement.replace("\n", "\r\n"); // a CRLF file stays CRLF throughout
            }
            String lineEnd = crlf ? "\r\n" : "\n";
            if (!originalText.endsWith("\n") && replacement.endsWith(lineEnd)) {
                replacement = replacement.substring(0, replacement.length() - lineEnd.length());
            }
            out.append(replacement);
            cursor = original.end();
        }
        out.append(file.text(), cursor, file.text().length());
        return out.toString();
    }

    /**
     * The text to cut for an excluded document: the document and the {@code ---} line before it, or, for a
     * first document without one, the {@code ---} line after it, so no empty document is left behind.
     */
    static int[] excludedSpan(String text, ManifestDocument document) {
        int start = document.start();
        int end = document.end();
        int previousLineStart = start == 0 ? -1 : text.lastIndexOf('\n', start - 2) + 1;
        if (previousLineStart >= 0 && text.startsWith("---", previousLineStart)) {
            return new int[] {previousLineStart, end};
        }
        if (text.startsWith("---", end)) {
            int newline = text.indexOf('\n', end);
            return new int[] {start, newline < 0 ? text.length() : newline + 1};
        }
        return new int[] {start, end};
    }

    /** The comment and blank lines a YAML document starts with, up to its first line of content. */
    static String leadingComments(String documentText) {
        int offset = 0;
        while (offset < documentText.length()) {
            int newline = documentText.indexOf('\n', offset);
            int end = newline < 0 ? documentText.length() : newline + 1;
            String line = documentText.substring(offset, end).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                break;
            }
            offset = end;
        }
        return documentText.substring(0, offset);
    }

    private String serialize(boolean asJson, JsonNode node) {
        try {
            return asJson ? json.writeValueAsString(node) + "\n" : yaml.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new MigrationException("Cannot serialize a converted document: " + e.getOriginalMessage(), e);
        }
    }

    private static void writeString(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write '" + target + "': " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new MigrationException("Cannot copy '" + from + "' to '" + to + "': " + e.getMessage(), e);
        }
    }
}
