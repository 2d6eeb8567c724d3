package io.jenkins.plugins.eks2aks.preflight;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.files.PathScope;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A preflight as a front end receives it: the CLI's options or the {@code aksPreflight} step's parameters, as plain
 * values. {@link #request} is the one place that validates them and applies the defaults.
 *
 * @param resourceGroup   the AKS cluster's resource group, or null (then no ARM read)
 * @param cluster         the AKS cluster's name, or null
 * @param subscription    its subscription, or null for the credential's or the environment's
 * @param kubeconfig      a kubeconfig for the in-cluster checks, as given, or null
 * @param context         the kubeconfig's context, or null
 * @param inventory       the source's inventory.json, as given, or null
 * @param sourceVersion   without an inventory: the EKS version AKS must not be older than
 * @param ingress         the chosen ingress ({@link #INGRESS_TARGETS}), or null
 * @param acr             the ACR the workloads pull from, or null
 * @param veleroNamespace Velero's namespace, or null for {@value #DEFAULT_VELERO_NAMESPACE}
 * @param output          report folder, as given
 * @param force           replace the report folder even when eks2aks did not write it
 * @param timeoutSeconds  timeout of each Kubernetes API call; 0 for the default
 */
public record PreflightOptions(String resourceGroup, String cluster, String subscription, String kubeconfig, String context,
                               String inventory, String sourceVersion, String ingress, String acr, String veleroNamespace,
                               String output, boolean force, int timeoutSeconds) {

    /** The ingress controllers preflight knows how to check. */
    public static final List<String> INGRESS_TARGETS = List.of("app-routing", "agc", "agic", "nginx");
    public static final String DEFAULT_VELERO_NAMESPACE = "velero";
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** How a front end spells each option, for messages. */
    public record Names(String resourceGroup, String cluster, String subscription, String kubeconfig, String inventory,
                        String ingress, String output, String timeout) {
    }

    /** Checks what can be checked without touching a file, so a step fails on the controller. */
    public void check(Names names) {
        if (blank(resourceGroup) != blank(cluster)) {
            throw new MigrationException("Give both " + names.resourceGroup() + " and " + names.cluster()
                    + " to read the AKS cluster from Azure, or neither");
        }
        if (blank(cluster) && blank(kubeconfig)) {
            throw new MigrationException("Give the AKS cluster (" + names.resourceGroup() + " and " + names.cluster() + "), "
                    + names.kubeconfig() + ", or both");
        }
        if (!blank(ingress) && !INGRESS_TARGETS.contains(ingress.trim())) {
            throw OptionException.invalidChoice(names.ingress(), ingress, String.join(", ", INGRESS_TARGETS));
        }
        if (timeoutSeconds < 0) {
            throw new OptionException("Invalid value for " + names.timeout() + ": " + timeoutSeconds + " (a number of seconds, 1 or more)");
        }
    }

    /** Whether the run reads the cluster from Azure Resource Manager (and so needs Azure credentials). */
    public boolean readsArm() {
        return !blank(cluster);
    }

    /** The validated request: paths resolved in {@code scope}, the output checked against the inputs. */
    public PreflightSpec request(Names names, PathScope scope) {
        check(names);
        Path kubeconfigPath = scope.input(kubeconfig, names.kubeconfig());
        Path inventoryPath = scope.input(inventory, names.inventory());
        List<Path> inputs = new ArrayList<>();
        inputs.add(kubeconfigPath);
        inputs.add(inventoryPath);
        Path out = scope.output(output, names.output(), inputs);
        return new PreflightSpec(trim(resourceGroup), trim(cluster), trim(subscription), kubeconfigPath, trim(context), inventoryPath,
                trim(sourceVersion), trim(ingress), trim(acr), blank(veleroNamespace) ? DEFAULT_VELERO_NAMESPACE : veleroNamespace.trim(),
                out, force, Duration.ofSeconds(timeoutSeconds == 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds),
                readsArm() ? "AKS " + cluster.trim() + " in " + resourceGroup.trim() : "kubeconfig " + kubeconfig.trim(), names.subscription());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
