package io.jenkins.plugins.eks2aks.manifests;

import java.util.ArrayList;
import java.util.List;

/**
 * How a front end names what a message may send the user to: the options that give an ECR image its ACR target
 * ({@code --acr} on the command line, {@code 'acr'} in a step) and the commands or steps that do the work convert
 * and the inventory leave to another one ({@code eks2aks copy-images} on the command line, the {@code ecrToAcr} step
 * in Jenkins). An option may be null: that front end has no such option (a plan, an inventory), and the decision names
 * only the mapping file's key, which every front end reads.
 *
 * @param acr              the default ACR option, or null
 * @param registryMap      the {@code ecr=acr} option, or null
 * @param backupAndRestore what moves volume data with Velero, e.g. {@code eks2aks backup and eks2aks restore}
 * @param syncStorage      what copies an S3 bucket into a Blob container, e.g. {@code eks2aks sync-storage}
 * @param copyImages       what copies ECR images to ACR, e.g. {@code eks2aks copy-images}
 * @param convert          what converts the manifests, e.g. {@code eks2aks convert}
 */
public record FrontEndNames(String acr, String registryMap, String backupAndRestore, String syncStorage, String copyImages,
                            String convert) {

    /** The command line's spellings. */
    public static final FrontEndNames CLI = new FrontEndNames("--acr", "--registry-map", "eks2aks backup and eks2aks restore",
            "eks2aks sync-storage", "eks2aks copy-images", "eks2aks convert");
    /** The Jenkins steps' spellings. */
    public static final FrontEndNames STEPS = new FrontEndNames("'acr'", "'registryMap'", "the veleroBackup and aksRestore steps",
            "the azcopySync step", "the ecrToAcr step", "the convertManifests step");

    /** The same commands, with other ACR options (null: the front end has none, decisions name the mapping file's keys). */
    public FrontEndNames withAcrOptions(String acr, String registryMap) {
        return new FrontEndNames(acr, registryMap, backupAndRestore, syncStorage, copyImages, convert);
    }

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
