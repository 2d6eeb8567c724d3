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

    // Plain scalars that stay strings in YAML 1.1 and 1.2 and need no escaping: letters, digits and _./@:=+~;-,
    // not starting with a digit unless they hold a '/' (which no number, date or time has: registry hosts such
    // as 123456789012.dkr.ecr.…/repo), not starting with an indicator.
    private static final boolean[] PLAIN_CHAR = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            PLAIN_CHAR[c] = true;
            PLAIN_CHAR[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            PLAIN_CHAR[c] = true;
        }
        for (char c : "_./@:=+~;-".toCharArray()) {
            PLAIN_CHAR[c] = true;
        }
    }

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
        return needsQuotes(text) ? json(text) : text;
    }

    /** Whether {@link #scalar} quotes {@code text}: it could read as something else, or needs escaping. */
    static boolean needsQuotes(String text) {
        return !isPlain(text) || RESERVED.contains(text.toLowerCase(Locale.ROOT));
    }

    private static boolean isPlain(String text) {
        if (text.isEmpty() || text.endsWith(":")) {
            return false;
        }
        char first = text.charAt(0);
        boolean digit = first >= '0' && first <= '9';
        if (!digit && !(Character.isLetter(first) && first < 128) && first != '_' && first != '/' && first != '.') {
            return false;
        }
        if (first == '.' && text.length() > 1 && Character.isDigit(text.charAt(1))) {
            return false; // .5 is a number
        }
        boolean slash = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !PLAIN_CHAR[c]) {
                return false;
            }
            slash |= c == '/';
        }
        return !digit || slash;
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
