package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * YAML for the generated outputs. Trees are written by Jackson with the converter's settings (keys in order,
 * quotes only where YAML needs them, numbers-as-strings quoted); the hand-laid files (kustomization, Velero
 * ConfigMaps) use {@link #scalar} so that they can carry comments.
 */
final class YamlText {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    // Plain scalars that stay strings in YAML 1.1 and 1.2 and need no escaping; one that starts with a digit
    // must hold a '/', which no number, date or time has (registry hosts: 123456789012.dkr.ecr.…/repo).
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_./@:=+~;-]*|[0-9][A-Za-z0-9_.@:=+~;-]*/[A-Za-z0-9_./@:=+~;-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null",
            "nan", ".nan", ".inf", "-.inf", "+.inf", "~");

    private YamlText() {
    }

    /** {@code node} as a YAML document, ending with a newline. */
    static String write(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes as YAML", e);
        }
    }

    /**
     * The items of a YAML sequence {@link #write written} at the top level, each with its lines: an item starts
     * at a line beginning with {@code "- "} (everything inside an item is indented, multi-line strings included).
     */
    static List<String> items(String sequence) {
        List<String> items = new ArrayList<>();
        int start = 0;
        for (int i = sequence.indexOf("\n- "); i >= 0; i = sequence.indexOf("\n- ", i + 1)) {
            items.add(sequence.substring(start, i + 1));
            start = i + 1;
        }
        items.add(sequence.substring(start));
        return items;
    }

    /** {@code text} as a YAML scalar that reads back as the same string: plain when safe, else double-quoted. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))
                && !text.endsWith(":")) {
            return text;
        }
        return json(text);
    }

    /** {@code text} as a JSON string literal, which is also a valid double-quoted YAML scalar. */
    static String json(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    /** {@code node} as compact JSON. */
    static String json(JsonNode node) {
        return node.toString();
    }

    /** A YAML comment line for free text (new lines folded). */
    static String comment(String indent, String text) {
        return indent + "# " + text.replace('\r', ' ').replace('\n', ' ') + "\n";
    }
}
