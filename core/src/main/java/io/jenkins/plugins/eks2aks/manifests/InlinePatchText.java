package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes converted inline patches into their kustomization: a literal block ({@code patch: |}) gets its lines
 * replaced and every other line stays as written, comments included; a patch written another way (a quoted
 * string, a folded block) makes the kustomization be written anew, with the patches as literal blocks.
 */
final class InlinePatchText {

    private static final Pattern HEADER = Pattern.compile("^(\\s*)(-\\s+)?patch:\\s*\\|[-+]?[1-9]?[-+]?\\s*(#.*)?$");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private InlinePatchText() {
    }

    /** {@code text} of a kustomization with each inline patch of {@code rewrites} replaced by its converted text. */
    static String apply(String text, List<PatchRewrite> rewrites) {
        String out = text;
        List<PatchRewrite> anew = new ArrayList<>();
        for (PatchRewrite rewrite : rewrites) {
            Optional<String> replaced = replaceBlock(out, rewrite.before(), rewrite.after());
            if (replaced.isPresent()) {
                out = replaced.get();
            } else {
                anew.add(rewrite);
            }
        }
        return anew.isEmpty() ? out : writtenAnew(out, anew);
    }

    static Optional<String> replaceBlock(String text, String before, String after) {
        String[] lines = text.split("(?<=\n)", -1);
        String wanted = before.replace("\r\n", "\n").stripTrailing();
        for (int i = 0; i < lines.length; i++) {
            Matcher header = HEADER.matcher(lines[i].stripTrailing());
            if (!header.matches()) {
                continue;
            }
            int keyColumn = header.group(1).length() + (header.group(2) == null ? 0 : header.group(2).length());
            int end = i + 1;
            int indent = -1;
            while (end < lines.length && (lines[end].isBlank() || indentOf(lines[end]) > keyColumn)) {
                if (indent < 0 && !lines[end].isBlank()) {
                    indent = indentOf(lines[end]);
                }
                end++;
            }
            while (end > i + 1 && lines[end - 1].isBlank()) {
                end--; // blank lines after the block belong to what follows
            }
            if (indent < 0) {
                continue;
            }
            StringBuilder content = new StringBuilder();
            for (int j = i + 1; j < end; j++) {
                String line = lines[j].stripTrailing();
                content.append(line.length() >= indent ? line.substring(indent) : "").append('\n');
            }
            if (!content.toString().stripTrailing().equals(wanted)) {
                continue;
            }
            String eol = lines[i].endsWith("\r\n") ? "\r\n" : "\n";
            StringBuilder out = new StringBuilder();
            for (int j = 0; j <= i; j++) {
                out.append(lines[j]);
            }
            for (String line : after.replace("\r\n", "\n").stripTrailing().split("\n", -1)) {
                out.append(line.isBlank() ? "" : " ".repeat(indent) + line).append(eol);
            }
            for (int j = end; j < lines.length; j++) {
                out.append(lines[j]);
            }
            return Optional.of(out.toString());
        }
        return Optional.empty();
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static String writtenAnew(String text, List<PatchRewrite> rewrites) {
        try {
            JsonNode tree = YAML.readTree(text);
            for (PatchRewrite rewrite : rewrites) {
                JsonNode entry = tree.path(rewrite.field()).path(rewrite.index());
                if (entry instanceof ObjectNode patch) {
                    patch.set("patch", TextNode.valueOf(rewrite.after()));
                } else if (tree.path(rewrite.field()).isArray()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) tree.path(rewrite.field())).set(rewrite.index(),
                            TextNode.valueOf(rewrite.after()));
                }
            }
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new MigrationException("Cannot rewrite the inline patches of a kustomization: " + e.getOriginalMessage(), e);
        }
    }
}
