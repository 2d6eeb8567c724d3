package io.jenkins.plugins.eks2aks.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every subcommand's help renders as written: picocli reads descriptions as format strings, so a bare {@code %}
 * ("100% back") makes it print a warning and the raw text with its {@code %n} left in.
 */
class HelpTextFormatTest {

    @Test
    void everySubcommandsHelpFormatsWithoutAWarning() {
        CommandLine all = Eks2AksCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (String name : all.getSubcommands().keySet()) {
            StringWriter out = new StringWriter();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            PrintStream before = System.err;
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = Eks2AksCommand.commandLineFor(new String[]{name}, new PrintWriter(out), new PrintWriter(new StringWriter()))
                        .execute(name, "--help");
            } finally {
                System.setErr(before);
            }
            String warnings = stderr.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, name);
            assertFalse(warnings.contains("picocli WARN"), name + ": " + warnings);
            assertFalse(out.toString().contains("%n"), name + " help keeps a raw %n: " + out);
        }
    }
}
