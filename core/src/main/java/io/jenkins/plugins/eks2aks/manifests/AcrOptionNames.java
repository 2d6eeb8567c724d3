package io.jenkins.plugins.eks2aks.manifests;

import java.util.ArrayList;
import java.util.List;

/**
 * How a front end spells the options that give an ECR image its ACR target ({@code --acr} on the command line,
 * {@code 'acr'} in a step), for the decision that asks for one. Either may be null: that front end has no such option
 * (a plan, an inventory), and the decision names only the mapping file's key, which every front end reads.
 *
 * @param acr         the default ACR option, or null
 * @param registryMap the {@code ecr=acr} option, or null
 */
public record AcrOptionNames(String acr, String registryMap) {

    /** The command line's spellings. */
    public static final AcrOptionNames CLI = new AcrOptionNames("--acr", "--registry-map");
    /** A front end without these options: decisions name the mapping file's keys only. */
    public static final AcrOptionNames MAPPING_FILE_ONLY = new AcrOptionNames(null, null);

    /**
     * What to set for {@code host}: the mapping file's {@code acr} or {@code registries."HOST"}, each with the
     * option that sets it here, e.g. {@code set acr in eks2aks.yaml (or --acr), or registries."HOST": <acr>.azurecr.io
     * in eks2aks.yaml (or --registry-map HOST=<acr>.azurecr.io)}.
     */
    public String setTarget(String host) {
        return "set " + setAcr() + ", or " + registriesKey(host) + ": <acr>.azurecr.io in eks2aks.yaml"
                + (registryMap == null ? "" : " (or " + registryMap + " " + host + "=<acr>.azurecr.io)");
    }

    /** {@code acr in eks2aks.yaml (or --acr)}. */
    public String setAcr() {
        return "acr in eks2aks.yaml" + (acr == null ? "" : " (or " + acr + ")");
    }

    /** The mapping-file keys {@link #setTarget} names, in its order. */
    public static List<String> targetKeys(String host) {
        List<String> keys = new ArrayList<>();
        keys.add("acr");
        keys.add(registriesKey(host));
        return keys;
    }

    private static String registriesKey(String host) {
        return "registries.\"" + host + "\"";
    }
}
