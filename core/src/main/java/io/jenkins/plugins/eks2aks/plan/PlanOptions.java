package io.jenkins.plugins.eks2aks.plan;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.ledger.Ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as the CLI options and the step parameters give it; both edges read it the same way, only the names in
 * messages differ.
 *
 * @param manifests the EKS manifests (file or folder)
 * @param inventory an {@code inventory.json}, or null
 * @param dump      a cluster dump to inventory in memory, or null; not with {@code inventory}
 * @param mapping   the mapping file, or null for {@code MANIFESTS/eks2aks.yaml} when present
 * @param ledger    the ledger with measured throughputs, or null for {@code OUT/ledger.json}
 * @param output    where {@code plan.json} and {@code plan.md} go
 * @param force     replace an output folder eks2aks did not write
 */
public record PlanOptions(String manifests, String inventory, String dump, String mapping, String ledger, Path output,
                          boolean force) {

    /** What each edge calls the options: {@code --inventory} on the command line, {@code inventory} in a step. */
    public record Names(String manifests, String inventory, String dump, String mapping, String ledger, String output) {
    }

    /**
     * The validated request.
     *
     * @throws MigrationException one line naming the option that is wrong, in {@code names}' words
     */
    public PlanRequest request(Names names) {
        if (blank(manifests)) {
            throw new MigrationException("No manifests: give " + names.manifests() + " (the EKS manifests, a file or a folder)");
        }
        if (output == null) {
            throw new MigrationException("No output folder: give " + names.output());
        }
        if (!blank(inventory) && !blank(dump)) {
            throw new MigrationException("Give " + names.inventory() + " or " + names.dump() + ", not both");
        }
        Path manifestPath = existing(manifests, names.manifests(), "the EKS manifests");
        Path inventoryFile = blank(inventory) ? null : existing(inventory, names.inventory(), "the inventory.json that eks2aks inventory wrote");
        if (inventoryFile != null && Files.isDirectory(inventoryFile)) {
            inventoryFile = inventoryFile.resolve("inventory.json");
            if (!Files.isRegularFile(inventoryFile)) {
                throw new MigrationException(names.inventory() + " '" + inventory + "' is a folder without inventory.json");
            }
        }
        Path dumpPath = blank(dump) ? null : existing(dump, names.dump(), "a kubectl get -A -o yaml dump");
        Path mappingFile = blank(mapping) ? null : existing(mapping, names.mapping(), "the mapping file eks2aks.yaml");
        Path out = output.toAbsolutePath().normalize();
        Path ledgerFile = blank(ledger) ? out.resolve(Ledger.FILE) : Path.of(ledger.trim()).toAbsolutePath().normalize();
        List<Path> inputs = new ArrayList<>(List.of(manifestPath));
        if (dumpPath != null) {
            inputs.add(dumpPath);
        }
        OutputFolder.checkApart(output, inputs);
        return new PlanRequest(manifestPath, inventoryFile, dumpPath, mappingFile, ledgerFile, out, force);
    }

    private static Path existing(String value, String name, String what) {
        Path path = Path.of(value.trim()).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new MigrationException(name + " '" + value + "' does not exist: give " + what);
        }
        return path;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
