package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An inventory as a front end receives it: the CLI's options or the {@code eksInventory} step's parameters, as plain
 * values. {@link #request} is the one place that validates them and applies the defaults.
 *
 * @param cluster        live: the EKS cluster name, or null
 * @param region         the cluster's region, or null for the environment's
 * @param profile        AWS profile, or null for the environment's
 * @param dump           offline: a dump file or folder, as given, or null
 * @param kubeconfig     live, Kubernetes API only: a kubeconfig, as given, or null
 * @param context        the kubeconfig's context, or null for its current one
 * @param output         output folder, as given
 * @param force          replace the output folder even when eks2aks did not write it
 * @param sourceVersion  the EKS version when the input does not say it, or null
 * @param targetVersion  the AKS version to review API removals for, or null
 * @param timeoutSeconds timeout of each API call; 0 for the default
 */
public record InventoryOptions(String cluster, String region, String profile, String dump, String kubeconfig, String context,
                               String output, boolean force, String sourceVersion, String targetVersion, int timeoutSeconds) {

    /** The default timeout of each call to the EKS and Kubernetes APIs. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /**
     * How a front end spells each option, for messages.
     *
     * @param frontEnd how it names the commands and steps the findings send the user to (the image copy)
     */
    public record Names(String cluster, String region, String dump, String kubeconfig, String output, String timeout,
                        FrontEndNames frontEnd) {
    }

    /** Checks what can be checked without touching a file, so a step fails on the controller. */
    public InventorySpec.Source check(Names names) {
        int sources = (blank(cluster) ? 0 : 1) + (blank(dump) ? 0 : 1) + (blank(kubeconfig) ? 0 : 1);
        if (sources != 1) {
            throw new OptionException("Give exactly one of " + names.cluster() + " (live, with " + names.region() + "), "
                    + names.kubeconfig() + " or " + names.dump() + " (offline)");
        }
        if (timeoutSeconds < 0) {
            throw new OptionException("Invalid value for " + names.timeout() + ": " + timeoutSeconds + " (a number of seconds, 1 or more)");
        }
        return !blank(cluster) ? InventorySpec.Source.CLUSTER : !blank(dump) ? InventorySpec.Source.DUMP : InventorySpec.Source.KUBECONFIG;
    }

    /** The validated request: paths resolved in {@code scope}, the output checked against the inputs. */
    public InventorySpec request(Names names, PathScope scope) {
        InventorySpec.Source source = check(names);
        Path dumpPath = scope.input(dump, names.dump());
        Path kubeconfigPath = scope.input(kubeconfig, names.kubeconfig());
        List<Path> inputs = new ArrayList<>();
        inputs.add(dumpPath);
        inputs.add(kubeconfigPath);
        Path out = scope.output(output, names.output(), inputs);
        return new InventorySpec(source, trim(cluster), trim(region), trim(profile), dumpPath, kubeconfigPath, trim(context), out,
                force, trim(sourceVersion), trim(targetVersion),
                Duration.ofSeconds(timeoutSeconds == 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds),
                blank(kubeconfig) ? null : "kubeconfig " + kubeconfig.trim() + (blank(context) ? "" : " context " + context.trim()),
                names.region(), names.frontEnd());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
