package io.jenkins.plugins.eks2aks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code eks2aks}: the migration steps as subcommands. */
@Command(name = "eks2aks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Migrates Kubernetes workloads from Amazon EKS to Azure AKS.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:everything was converted (or --fail-on allowed what is pending)",
                "1:shift-traffic: a health gate failed and the weights were rolled back; sync-storage: some objects "
                        + "could not be copied; backup, restore: the Velero backup or restore itself failed (or timed out); "
                        + "verify-restore: a check failed; migrate: a step failed (named, with the command that resumes)",
                "2:convert: decisions are pending (see the report's checklist); verify-storage: the gate failed; "
                        + "sync-storage: the source is empty; backup, restore: PartiallyFailed",
                "3:the input or the options are wrong, or rules conflict; nothing was written",
                "64:the command line could not be parsed"})
public final class Eks2AksCommand implements Runnable {

    public static final int EXIT_OK = 0;
    /** The operation itself failed, e.g. shift-traffic's health gate (the weights were rolled back), objects not copied. */
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_DECISIONS_PENDING = 2;
    public static final int EXIT_ERROR = 3;
    public static final int EXIT_USAGE = 64;

    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("convert", ConvertCommand::new);
        SUBCOMMANDS.put("inventory", InventoryCommand::new);
        SUBCOMMANDS.put("preflight", PreflightCommand::new);
        SUBCOMMANDS.put("copy-images", CopyImagesCommand::new);
        SUBCOMMANDS.put("sync-storage", SyncStorageCommand::new);
        SUBCOMMANDS.put("verify-storage", VerifyStorageCommand::new);
        SUBCOMMANDS.put("backup", BackupCommand::new);
        SUBCOMMANDS.put("restore", RestoreCommand::new);
        SUBCOMMANDS.put("verify-restore", VerifyRestoreCommand::new);
        SUBCOMMANDS.put("shift-traffic", ShiftTrafficCommand::new);
        SUBCOMMANDS.put("plan", PlanCommand::new);
        SUBCOMMANDS.put("migrate", MigrateCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand, e.g. 'eks2aks convert --help'");
    }

    /** Builds the command line with the output streams given, so tests can capture them. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, SUBCOMMANDS.keySet().toArray(String[]::new));
    }

    /**
     * The command line for {@code args}: only the subcommand they name, when they name one. Picocli inspects every
     * registered command's annotations up front; skipping the others is a tenth of a second of a short run.
     */
    static CommandLine commandLineFor(String[] args, PrintWriter out, PrintWriter err) {
        boolean one = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help");
        return one ? commandLine(out, err, args[0]) : commandLine(out, err);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, String... subcommands) {
        CommandLine cli = new CommandLine(new Eks2AksCommand());
        for (String name : subcommands) {
            cli.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("eks2aks: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        return cli;
    }

    public static void main(String[] args) {
        // The JDK keeps 5 idle connections per registry by default; copy-images runs 8 transfers at once, and a
        // connection that is not kept costs a new TCP (and TLS) handshake. Read once, so set before any request.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLineFor(args, out, err).execute(args));
    }
}
