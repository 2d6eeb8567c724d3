package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * K2: the AWS provider's {@code objects} list (a YAML string: objectName, objectType secretsmanager|ssmparameter,
 * objectAlias, objectVersion, objectVersionLabel, jmesPath, failoverObject, objectTemplate; S18) rewritten as the
 * Azure provider's {@code array:} of Key Vault secrets (S19). Every file keeps the name it had in the pod: the
 * alias, or the AWS name with '/' translated as {@code pathTranslation} said ('_' unless "False").
 */
final class AwsSecretObjects {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DROPPED = List.of("objectVersion", "objectVersionLabel", "failoverObject", "objectTemplate");

    /** One Key Vault secret to mount: its name, the file it becomes, and the AWS object it replaces. */
    record Mount(String awsName, String keyVaultName, String fileName) {
    }

    /** The outcome: the new {@code objects} text when every name is known, and what is still to decide or lost. */
    record Result(Optional<String> objects, List<Decision> decisions, List<String> dropped) {
    }

    /** A name still to decide, and the mapping-file key that decides it (none when the source itself is broken). */
    record Decision(String reason, List<String> mappingKeys) {
    }

    private AwsSecretObjects() {
    }

    static Result convert(String awsObjects, String pathTranslation, KeyVaultNames names) {
        JsonNode list;
        try {
            list = YAML.readTree(awsObjects);
        } catch (JsonProcessingException e) {
            return new Result(Optional.empty(), List.of(new Decision("parameters.objects is not a YAML list ("
                    + e.getOriginalMessage() + "): fix the source SecretProviderClass", List.of())), List.of());
        }
        if (list != null && !list.isArray()) {
            return new Result(Optional.empty(), List.of(new Decision("parameters.objects is not a YAML list of objects: "
                    + "fix the source SecretProviderClass", List.of())), List.of());
        }
        List<Mount> mounts = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (JsonNode object : list == null ? List.<JsonNode>of() : (Iterable<JsonNode>) list::elements) {
            String awsName = object.path("objectName").asText();
            String file = object.has("objectAlias") ? object.path("objectAlias").asText() : translate(awsName, pathTranslation);
            Optional<String> name = names.of(awsName);
            if (name.isPresent()) {
                mounts.add(new Mount(awsName, name.get(), file));
            } else {
                decisions.add(new Decision(awsName + " is not a Key Vault secret name (letters, digits and '-' only): copy "
                        + "it to Key Vault and set " + KeyVaultNames.key(awsName) + ": " + KeyVaultNames.suggestion(awsName),
                        List.of(KeyVaultNames.key(awsName))));
            }
            for (JsonNode jmes : object.path("jmesPath")) {
                String key = awsName + "#" + jmes.path("path").asText();
                String alias = jmes.path("objectAlias").asText();
                Optional<String> keyName = names.explicit(key);
                if (keyName.isPresent()) {
                    mounts.add(new Mount(key, keyName.get(), alias));
                } else {
                    decisions.add(new Decision("jmesPath '" + jmes.path("path").asText() + "' reads one key of JSON secret "
                            + awsName + "; a Key Vault secret holds one value: store that key as its own secret and set "
                            + KeyVaultNames.key(key) + ": " + KeyVaultNames.suggestion(alias), List.of(KeyVaultNames.key(key))));
                }
            }
            for (String field : DROPPED) {
                if (object.has(field)) {
                    dropped.add(field + " of " + awsName);
                }
            }
        }
        return new Result(decisions.isEmpty() ? Optional.of(render(mounts)) : Optional.empty(), decisions, dropped);
    }

    /** The AWS provider's file name for an object without alias (S18 pathTranslation). */
    static String translate(String awsName, String pathTranslation) {
        if ("False".equals(pathTranslation)) {
            return awsName;
        }
        String with = pathTranslation == null || pathTranslation.isEmpty() ? "_" : pathTranslation.substring(0, 1);
        return awsName.replace("/", with);
    }

    /** The Azure provider's format: {@code array:} of YAML strings, one per secret (S19). */
    static String render(List<Mount> mounts) {
        StringBuilder out = new StringBuilder("array:\n");
        for (Mount m : mounts) {
            out.append("  - |\n")
                    .append("    objectName: ").append(quote(m.keyVaultName())).append('\n')
                    .append("    objectType: secret\n");
            if (!m.fileName().equals(m.keyVaultName())) {
                out.append("    objectAlias: ").append(quote(m.fileName())).append('\n');
            }
            out.append("    objectVersion: \"\"\n");
        }
        return out.toString();
    }

    private static String quote(String value) {
        try {
            return JSON.writeValueAsString(value); // a JSON string is a YAML double-quoted scalar
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
