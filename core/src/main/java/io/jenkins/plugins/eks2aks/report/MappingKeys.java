package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in a decision's reason, the mapping-file keys and command-line flags that supply the decision:
 * {@code identities."arn:…".clientId}, {@code ingress.target}, {@code --registry-map}. Rules write them into
 * their reasons; the key names come from the mapping file's JSON Schema, so a key the schema does not know is
 * not taken for one.
 */
public final class MappingKeys {

    private static final String SCHEMA = "/io/jenkins/plugins/eks2aks/mapping/eks2aks.schema.json";
    private static final List<String> NAMES = topLevelKeys();
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    private static final Pattern SEGMENTS = Pattern.compile("(?:\\.(?:\"[^\"\\s]*\"|[A-Za-z0-9_-]+))+");
    private static final Pattern IN_MAPPING_FILE = Pattern.compile(" in (?:eks2aks\\.yaml|the mapping file)");
    // Reasons repeat across objects and every report reads them: remember the answers, within bounds.
    private static final int CACHE_LIMIT = 8192;
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private MappingKeys() {
    }

    /** The keys and flags {@code reason} names, in order of appearance, each once. */
    public static List<String> in(String reason) {
        List<String> cached = CACHE.get(reason);
        if (cached != null) {
            return cached;
        }
        List<String> keys = List.copyOf(scan(reason));
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(reason, keys);
        return keys;
    }

    private static Set<String> scan(String reason) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher matcher = FLAG.matcher(reason);
        for (int i = 0; i < reason.length(); i++) {
            char ch = reason.charAt(i);
            boolean boundary = i == 0 || !isWordPart(reason.charAt(i - 1));
            if (!boundary) {
                continue;
            }
            if (ch == '-' && reason.startsWith("--", i)) {
                matcher.region(i, reason.length());
                if (matcher.lookingAt()) {
                    keys.add(matcher.group());
                    i = matcher.end() - 1;
                }
                continue;
            }
            for (String name : NAMES) {
                if (!reason.startsWith(name, i)) {
                    continue;
                }
                int end = i + name.length();
                Matcher dotted = SEGMENTS.matcher(reason).region(end, reason.length());
                if (dotted.lookingAt()) {
                    keys.add(reason.substring(i, dotted.end()));
                    i = dotted.end() - 1;
                    break;
                }
                boolean wordEnds = end == reason.length() || !isWordPart(reason.charAt(end));
                if (wordEnds && IN_MAPPING_FILE.matcher(reason).region(end, reason.length()).lookingAt()) {
                    keys.add(name);
                    i = end - 1;
                    break;
                }
            }
        }
        return keys;
    }

    private static boolean isWordPart(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.' || ch == '"';
    }

    private static List<String> topLevelKeys() {
        List<String> names = new ArrayList<>();
        try (InputStream in = MappingKeys.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                return names;
            }
            JsonNode properties = new ObjectMapper().readTree(in).path("properties");
            for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("apiVersion")) {
                    names.add(key);
                }
            }
        } catch (IOException e) {
            // Without the schema only flags are recognised; the reason itself is always shown.
        }
        // Longest first, so that a name that starts another (ingress, ingressClass) cannot cut it short.
        names.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return List.copyOf(names);
    }
}
