package io.jenkins.plugins.eks2aks.kubeconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes kubeconfig YAML (the {@code kind: Config} of client-go) as a tree, so nothing is lost or reordered. */
final class KubeconfigYaml {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());
    /** The user fields that hold credentials. */
    private static final String[] SECRET_FIELDS = {"token", "client-key-data", "password"};

    private KubeconfigYaml() {
    }

    /** One cluster, one user with a bearer token, one context that is current. */
    static String forToken(String name, String server, String certificateAuthorityData, String token) {
        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", "v1");
        root.put("kind", "Config");
        ObjectNode cluster = root.putArray("clusters").addObject();
        cluster.put("name", name);
        cluster.putObject("cluster").put("server", server).put("certificate-authority-data", certificateAuthorityData);
        ObjectNode user = root.putArray("users").addObject();
        user.put("name", name);
        user.putObject("user").put("token", token);
        ObjectNode context = root.putArray("contexts").addObject();
        context.put("name", name);
        context.putObject("context").put("cluster", name).put("user", name);
        root.put("current-context", name);
        return write(root);
    }

    /** Every user that has a {@code token}: that token set to {@code token}, and {@code tokenFile} naming the file. */
    static String withTokenFile(String yaml, String token, String tokenFile) {
        ObjectNode root = read(yaml, "the kubeconfig");
        for (ObjectNode user : users(root)) {
            if (user.has("token")) {
                user.put("token", token);
                user.put("tokenFile", tokenFile);
            }
        }
        return write(root);
    }

    static ObjectNode read(String yaml, String what) {
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node instanceof ObjectNode object && object.path("users").isArray()) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new MigrationException(what + " is not a kubeconfig: " + e.getOriginalMessage());
        }
        throw new MigrationException(what + " is not a kubeconfig: it has no users list");
    }

    static String write(ObjectNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kubeconfig tree always serializes", e);
        }
    }

    /** The users' {@code user} objects. */
    static List<ObjectNode> users(ObjectNode root) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode entry : (ArrayNode) root.path("users")) {
            if (entry.path("user") instanceof ObjectNode user) {
                out.add(user);
            }
        }
        return out;
    }

    /** Every secret value the users hold. */
    static List<String> secrets(ObjectNode root) {
        List<String> out = new ArrayList<>();
        for (ObjectNode user : users(root)) {
            for (String field : SECRET_FIELDS) {
                String value = user.path(field).asText("");
                if (!value.isEmpty()) {
                    out.add(value);
                }
            }
        }
        return out;
    }
}
