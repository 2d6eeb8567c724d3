package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in a decision's reason, the mapping-file keys and command-line flags that supply the decision:
 * {@code identities."arn:…".clientId}, {@code ingress.target}, {@code --registry-map}. Rules write them into
 * their reasons; the key names come from the mapping file's JSON Schema, so a key the schema does not know is
 * not taken for one.
 */
final class MappingKeys {

    private static final String SCHEMA = "/io/jenkins/plugins/eks2aks/mapping/eks2aks.schema.json";
    private static final Pattern KEYS = compile(topLevelKeys());

    private MappingKeys() {
    }

    /** The keys and flags {@code reason} names, in order, each once. */
    static List<String> in(String reason) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = KEYS.matcher(reason);
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return new ArrayList<>(keys);
    }

    private static Pattern compile(List<String> names) {
        String flag = "(?<![\\w-])(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)";
        if (names.isEmpty()) {
            return Pattern.compile(flag);
        }
        String name = "(?:" + String.join("|", names) + ")";
        String segment = "\\.(?:\"[^\"\\s]*\"|[A-Za-z0-9_-]+)";
        String dotted = "(?<![\\w.\"-])(" + name + "(?:" + segment + ")+)";
        String bare = "(?<![\\w.\"-])(" + name + ")(?= in (?:eks2aks\\.yaml|the mapping file))";
        return Pattern.compile(flag + "|" + dotted + "|" + bare);
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
                    names.add(Pattern.quote(key));
                }
            }
        } catch (IOException e) {
            // Without the schema only flags are recognised; the reason itself is always shown.
        }
        return names;
    }
}
