package io.jenkins.plugins.eks2aks.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the migration mapping file, {@code eks2aks.yaml}. The file is checked against its JSON Schema
 * ({@code eks2aks.schema.json}, shipped beside this class) before anything is taken from it, so every error
 * names the key and says what is allowed there.
 */
public final class MappingFile {

    public static final String SCHEMA_RESOURCE = "eks2aks.schema.json";
    /** The mapping file's name; one at the root of an input directory is used when none is given explicitly. */
    public static final String FILE_NAME = "eks2aks.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonSchema SCHEMA = loadSchema();

    private MappingFile() {
    }

    /**
     * The mapping for a conversion of {@code input}: {@code explicit} when given, else an {@code eks2aks.yaml} at
     * the root of the input directory, else the defaults. Returns the file used, or null.
     */
    public static Path discover(Path input, Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        Path candidate = input.resolve(FILE_NAME);
        return java.nio.file.Files.isDirectory(input) && java.nio.file.Files.isRegularFile(candidate) ? candidate : null;
    }

    /** Reads and validates {@code file}. */
    public static MigrationMapping load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MigrationException("Mapping file '" + file + "' does not exist");
        }
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new MigrationException("Cannot read mapping file '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Parses and validates mapping-file text; {@code name} is how errors name it. */
    public static MigrationMapping parse(String name, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MigrationException(name + ":" + line + ": invalid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return MigrationMapping.defaults();
        }
        List<ValidationMessage> errors = new ArrayList<>(SCHEMA.validate(root));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
            ValidationMessage first = errors.get(0);
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
            throw new MigrationException(name + ": " + describe(first) + more);
        }
        return bind(root);
    }

    /** "key 'ingress.target': must be one of [webapprouting, agic, agc]", from the validator's message. */
    private static String describe(ValidationMessage message) {
        String where = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        String what = colon >= 0 ? text.substring(colon + 2) : text;
        if ("additionalProperties".equals(message.getType())) {
            String key = message.getProperty();
            String parent = where.isEmpty() ? "" : where + ".";
            return "unknown key '" + parent + key + "'; allowed keys: " + allowedKeys(where);
        }
        return "key '" + (where.isEmpty() ? "(top level)" : where) + "': " + what.replace("\"", "");
    }

    private static String allowedKeys(String where) {
        JsonNode node = schemaNode();
        for (String part : where.isEmpty() ? new String[0] : where.split("\\.")) {
            node = node.path("properties").path(part);
        }
        List<String> keys = new ArrayList<>();
        node.path("properties").fieldNames().forEachRemaining(keys::add);
        return String.join(", ", keys);
    }

    private static MigrationMapping bind(JsonNode root) {
        MigrationMapping d = MigrationMapping.defaults();
        Map<String, String> storage = new TreeMap<>(MigrationMapping.DEFAULT_STORAGE_CLASSES);
        storage.putAll(strings(root.path("storageClasses")));
        Map<String, WorkloadIdentity> identities = new LinkedHashMap<>();
        root.path("identities").fields().forEachRemaining(e -> identities.put(e.getKey(),
                new WorkloadIdentity(e.getValue().path("clientId").asText(), e.getValue().path("tenantId").asText(null))));
        JsonNode kv = root.path("keyVault");
        KeyVaultTarget keyVault = kv.isObject() ? new KeyVaultTarget(kv.path("name").asText(), kv.path("tenantId").asText(null),
                kv.path("clientId").asText(null), strings(kv.path("objectNames"))) : null;
        Set<String> disabled = new HashSet<>();
        root.path("rules").path("disable").forEach(n -> disabled.add(n.asText()));
        JsonNode ingress = root.path("ingress");
        return new MigrationMapping(
                strings(root.path("registries")),
                root.path("acr").asText(null),
                storage,
                "nfs".equals(root.path("efsProtocol").asText("nfs")),
                identities,
                ingress.has("target") ? IngressTarget.fromKey(ingress.path("target").asText()) : d.ingress(),
                ingress.path("internalClassName").asText(d.internalIngressClass()),
                strings(root.path("regions")),
                strings(root.path("zones")),
                strings(root.path("nodePools")),
                keyVault,
                root.hasNonNull("targetAksVersion") ? root.path("targetAksVersion").asText() : null,
                list(root.path("namespaces").path("include")),
                list(root.path("namespaces").path("exclude")),
                disabled,
                strings(root.path("diskEncryptionSets")),
                strings(root.path("volumeHandles")),
                root.path("karpenter").path("imageFamily").asText(null),
                strings(root.path("certificates")),
                new HashSet<>(list(ingress.path("authHandled"))));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> list(JsonNode node) {
        List<String> list = new ArrayList<>();
        node.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static JsonNode schemaNode() {
        try (InputStream in = MappingFile.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("the mapping schema ships with this class", e);
        }
    }

    private static JsonSchema loadSchema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode());
    }
}
