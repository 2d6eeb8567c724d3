package io.jenkins.plugins.eks2aks.plan;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.ledger.Ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as the CLI options and the {@code migrationPlan} step's parameters give it, as plain values. {@link #request}
 * is the one place that validates them and applies the defaults; both front ends accept and refuse the same things
 * with the same messages, each in its own option names.
 *
 * @param manifests the EKS manifests (file or folder), as given
 * @param inventory an {@code inventory.json} (or its folder), or null
 * @param dump      a cluster dump to inventory in memory, or null; not with {@code inventory}
 * @param mapping   the mapping file, or null for {@code MANIFESTS/eks2aks.yaml} when present
 * @param ledger    the ledger with measured throughputs, or null for {@code OUT/ledger.json}
 * @param output    where {@code plan.json} and {@code plan.md} go, as given
 * @param force     replace an output folder eks2aks did not write
 */
public record PlanOptions(String manifests, String inventory, String dump, String mapping, String ledger, String output,
                          boolean force) {

    /**
     * What each edge calls the options: {@code --inventory} on the command line, {@code 'inventory'} in a step; and the
     * front end's own way to run the steps the plan sends the user to, since a build log must not name a CLI command.
     *
     * @param inventoryRun  what writes an inventory: {@code eks2aks inventory}, or the {@code eksInventory} step
     * @param imagesDryRun  what reads the registries without copying: {@code eks2aks copy-images --dry-run}, or the
     *                      {@code ecrToAcr} step with {@code dryRun: true}
     * @param frontEnd      the commands or steps the plan's conversion and inventory send the user to
     */
    public record Names(String manifests, String inventory, String dump, String mapping, String ledger, String output,
                        String inventoryRun, String imagesDryRun, FrontEndNames frontEnd) {

        /** The command line's spellings. */
        public static final Names CLI = new Names("MANIFESTS", "--inventory", "--dump", "--mapping", "--ledger", "--out",
                "eks2aks inventory", "eks2aks copy-images --dry-run", FrontEndNames.CLI);
    }

    /** Checks what can be checked without reading a file, so a step fails on the controller before an agent is used. */
    public void check(Names names) {
        if (blank(manifests)) {
            throw new OptionException(names.manifests() + " is required: the EKS manifests, a file or a folder");
        }
        if (!blank(inventory) && !blank(dump)) {
            throw new OptionException("Give " + names.inventory() + " or " + names.dump() + ", not both");
        }
    }

    /**
     * The validated request: paths resolved in {@code scope} (a step's workspace confines them), inputs that must
     * exist checked, the output checked against the inputs and the base folder.
     *
     * @throws MigrationException one line naming the option that is wrong, in {@code names}' words
     */
    public PlanRequest request(Names names, PathScope scope) {
        check(names);
        Path manifestPath = existing(scope.input(manifests, names.manifests()), manifests, names.manifests(), "the EKS manifests");
        Path inventoryFile = existing(scope.input(inventory, names.inventory()), inventory, names.inventory(),
                "the inventory.json that " + names.inventoryRun() + " wrote");
        if (inventoryFile != null && Files.isDirectory(inventoryFile)) {
            inventoryFile = inventoryFile.resolve("inventory.json");
            if (!Files.isRegularFile(inventoryFile)) {
                throw new MigrationException(names.inventory() + " '" + inventory + "' is a folder without inventory.json");
            }
        }
        Path dumpPath = existing(scope.input(dump, names.dump()), dump, names.dump(), "a kubectl get -A -o yaml dump");
        Path mappingFile = existing(scope.input(mapping, names.mapping()), mapping, names.mapping(), "the mapping file eks2aks.yaml");
        List<Path> inputs = new ArrayList<>(List.of(manifestPath));
        if (dumpPath != null) {
            inputs.add(dumpPath);
        }
        Path out = scope.output(output, names.output(), inputs).toAbsolutePath().normalize();
        if (!force && isMigrationFolder(out)) {
            // Plan replaces its folder as a whole; a migration's folder is the ledger and every step's reports.
            throw OutputFolder.inUse(out, names.output() + " '" + output + "' is a migration's folder (it holds " + Ledger.FILE
                    + " and the steps' reports) and plan would replace it: nothing was changed. Give plan a folder of its own and read "
                    + "the ledger with " + names.ledger() + " " + out.resolve(Ledger.FILE) + ", or replace it on purpose");
        }
        Path ledgerPath = scope.input(ledger, names.ledger());
        Path ledgerFile = ledgerPath == null ? out.resolve(Ledger.FILE) : ledgerPath.toAbsolutePath().normalize();
        return new PlanRequest(manifestPath, inventoryFile, dumpPath, mappingFile, ledgerFile, out, force, this, names);
    }

    /** A ledger next to a step's report folder: what {@code migrate} writes (a plan's own folder has no subfolders). */
    static boolean isMigrationFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(Ledger.FILE))
                && java.util.Arrays.stream(MigrationStep.values()).anyMatch(s -> Files.isDirectory(folder.resolve(s.key())));
    }

    private static Path existing(Path path, String value, String name, String what) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new MigrationException(name + " '" + value + "' does not exist: give " + what);
        }
        return absolute;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
