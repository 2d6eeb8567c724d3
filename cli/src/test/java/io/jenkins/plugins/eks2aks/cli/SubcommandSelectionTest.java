package io.jenkins.plugins.eks2aks.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** main() builds only the subcommand it runs; help and unknown commands still see them all. */
class SubcommandSelectionTest {

    private static CommandLine forArgs(String... args) {
        return Eks2AksCommand.commandLineFor(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of("copy-images"), List.copyOf(forArgs("copy-images", "--help").getSubcommands().keySet()));
        assertEquals(List.of("convert"), List.copyOf(forArgs("convert", "x").getSubcommands().keySet()));
    }

    @Test
    void helpOptionsAndUnknownCommandsSeeEverySubcommand() {
        for (String[] args : List.of(new String[0], new String[]{"--help"}, new String[]{"help", "convert"}, new String[]{"convrt"})) {
            assertEquals(List.of("convert", "inventory", "preflight", "copy-images", "sync-storage", "verify-storage", "backup", "restore",
                    "verify-restore", "shift-traffic", "plan", "migrate", "help"),
                    List.copyOf(forArgs(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void theSingleSubcommandParsesAndPrintsTheSameUsageAsInTheFullTree() {
        StringWriter one = new StringWriter();
        StringWriter all = new StringWriter();
        Eks2AksCommand.commandLineFor(new String[]{"copy-images"}, new PrintWriter(one), new PrintWriter(new StringWriter()))
                .execute("copy-images", "--help");
        Eks2AksCommand.commandLine(new PrintWriter(all), new PrintWriter(new StringWriter())).execute("copy-images", "--help");
        assertTrue(one.toString().startsWith("Usage: eks2aks copy-images"), one.toString());
        assertEquals(all.toString(), one.toString());
    }
}
