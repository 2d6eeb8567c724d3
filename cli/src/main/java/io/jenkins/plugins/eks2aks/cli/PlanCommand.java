package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.plan.MigrationPlanner;
import io.jenkins.plugins.eks2aks.plan.PlanOptions;
import io.jenkins.plugins.eks2aks.plan.PlanSummary;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code eks2aks plan}: the whole migration, step by step, with its work, estimates and open decisions; reads only. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Plans the migration: inventory, preflight, images, convert, backup, sync-storage, verify-storage, restore "
                        + "and verify-restore in order, each with its work (objects, images, volume claims, bytes) and an "
                        + "estimate, and every decision still open with the mapping key that settles it.",
                "Converts MANIFESTS in a dry run and reads the inventory (a file, or a cluster dump inventoried in memory); "
                        + "changes nothing anywhere. Estimates use the throughputs measured in the ledger (OUT/ledger.json, "
                        + "or --ledger) and stated defaults for the rest, each labelled measured or default.",
                "Writes OUT/plan.json and OUT/plan.md (a ledger in OUT is kept). Exit 0, or 3 when an input is wrong."},
        footer = {"", "Example:",
                "  eks2aks plan examples/eks-sample --dump examples/eks-sample/cluster-dump --out target/plan"})
final class PlanCommand implements Callable<Integer> {

    static final PlanOptions.Names NAMES = PlanOptions.Names.CLI;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MANIFESTS", description = "The EKS manifests: a file or a folder.")
    String manifests;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    static final class Source {
        @Option(names = "--inventory", paramLabel = "FILE", description = "The inventory.json eks2aks inventory wrote (or its folder).")
        String inventory;

        @Option(names = "--dump", paramLabel = "PATH", description = "A cluster dump (kubectl get -A -o yaml), inventoried in memory.")
        String dump;
    }

    @Option(names = {"-m", "--mapping"}, paramLabel = "FILE",
            description = "Migration mapping file (eks2aks.yaml). Default: MANIFESTS/eks2aks.yaml when it exists.")
    String mapping;

    @Option(names = "--ledger", paramLabel = "FILE", description = "The ledger with measured throughputs (default: OUT/ledger.json).")
    String ledger;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory; replaced as a whole when the plan is written.")
    String out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the summary.")
    boolean quiet;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, quiet);
        PlanOptions options = new PlanOptions(manifests, source.inventory, source.dump, mapping, ledger, out, forceOutput.force);
        PlanSummary summary = new MigrationPlanner(events, clock).run(options.request(NAMES, PathScope.currentFolder()));
        if (quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return Eks2AksCommand.EXIT_OK;
    }
}
