package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E3: the remote keys of an ExternalSecret (or of a ClusterExternalSecret's template) name AWS secrets; on Key
 * Vault they name secrets that follow Key Vault's naming rules. A key Key Vault allows is kept, one the mapping
 * file renames is rewritten, any other is a decision naming its {@code keyVault.objectNames} entry. JSON
 * {@code property} selection works the same on Key Vault and is kept. AWS version stages mean nothing there.
 */
public final class ExternalSecretKeysRule implements ConversionRule {

    public static final String ID = "E3";
    private static final Pattern AWS_VERSION = Pattern.compile("^(AWSCURRENT|AWSPREVIOUS|AWSPENDING|uuid/.*|[0-9a-f-]{36})$");

    private final KeyVaultNames names;

    public ExternalSecretKeysRule(RuleContext context) {
        this.names = new KeyVaultNames(context.mapping());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return object.ref().apiVersion().startsWith("external-secrets.io/")
                && ("ExternalSecret".equals(object.kind()) || "ClusterExternalSecret".equals(object.kind()));
    }

    @Override
    public List<Change> apply(KubeObject object) {
        String spec = "ClusterExternalSecret".equals(object.kind()) ? "/spec/externalSecretSpec" : "/spec";
        List<Change> out = new ArrayList<>();
        JsonNode data = object.at(spec + "/data");
        for (int i = 0; i < data.size(); i++) {
            String ref = spec + "/data/" + i + "/remoteRef";
            key(object, ref + "/key").ifPresent(out::add);
            String version = object.at(ref + "/version").asText("");
            if (AWS_VERSION.matcher(version).matches()) {
                out.add(Changes.of(object, ID).remove(ref + "/version", RuleMode.DROP, "AWS version " + version
                        + " means nothing to Key Vault, which serves the current version by default (catalog E3; S20)"));
            }
        }
        JsonNode dataFrom = object.at(spec + "/dataFrom");
        for (int i = 0; i < dataFrom.size(); i++) {
            key(object, spec + "/dataFrom/" + i + "/extract/key").ifPresent(out::add);
            if (dataFrom.get(i).at("/find/path").isTextual()) {
                out.add(Changes.of(object, ID).decision(spec + "/dataFrom/" + i + "/find/path", "Key Vault has no secret "
                        + "paths: select the converted secrets with find.name.regexp or find.tags in the source "
                        + "(catalog E3; S20)"));
            }
        }
        return out;
    }

    private Optional<Change> key(KubeObject object, String pointer) {
        JsonNode key = object.at(pointer);
        if (!key.isTextual()) {
            return Optional.empty();
        }
        Changes c = Changes.of(object, ID);
        Optional<String> name = names.of(key.asText());
        if (name.isEmpty()) {
            return Optional.of(c.decision(pointer, key.asText() + " is not a Key Vault secret name (letters, digits and "
                    + "'-' only): copy it to Key Vault and set " + KeyVaultNames.key(key.asText()) + ": "
                    + KeyVaultNames.suggestion(key.asText()) + " (catalog E3; S20)").withMappingKeys(KeyVaultNames.key(key.asText())));
        }
        return name.get().equals(key.asText()) ? Optional.empty() : Optional.of(c.replace(pointer, name.get(), RuleMode.AUTO,
                "the Key Vault secret the mapping file names for " + key.asText() + " (catalog E3; S20)"));
    }
}
