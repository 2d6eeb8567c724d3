package io.jenkins.plugins.eks2aks.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCommandTest {

    static final Path EXAMPLE = TestServerInstall.repositoryRoot().resolve("examples/eks-sample");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theExampleIsPlannedFromItsManifestsAndItsDump(@TempDir Path tmp) throws IOException {
        Path plan = tmp.resolve("plan");

        int exit = run("plan", EXAMPLE.toString(), "--dump", EXAMPLE.resolve("cluster-dump").toString(), "--out", plan.toString(), "-q");

        assertEquals(0, exit, err.toString());
        JsonNode json = new ObjectMapper().readTree(plan.resolve("plan.json").toFile());
        assertEquals(9, json.path("steps").size());
        assertEquals("inventory", json.path("steps").get(0).path("name").asText());
        assertEquals("verify-restore", json.path("steps").get(8).path("name").asText());
        assertTrue(out.toString().startsWith("9 steps, about "), out.toString());
        assertTrue(out.toString().contains("(default throughputs); 0 decisions open"), out.toString());
        assertTrue(Files.readString(plan.resolve("plan.md")).startsWith("# Migration plan"));
    }

    @Test
    void inventoryAndDumpTogetherAreAUsageErrorAndAMissingInventoryIsExit3(@TempDir Path tmp) {
        int both = run("plan", EXAMPLE.toString(), "--inventory", "a.json", "--dump", "b", "--out", tmp.resolve("p").toString());
        assertEquals(Eks2AksCommand.EXIT_USAGE, both);
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());

        int missing = run("plan", EXAMPLE.toString(), "--inventory", tmp.resolve("none.json").toString(), "--out", tmp.resolve("p").toString());
        assertEquals(Eks2AksCommand.EXIT_ERROR, missing);
        assertTrue(err.toString().contains("eks2aks: error: --inventory '" + tmp.resolve("none.json") + "' does not exist"), err.toString());
        assertFalse(Files.exists(tmp.resolve("p")), "nothing written");
    }

    @Test
    void theNotesAndMessagesSendTheUserToCommandsOfThisCommandLine(@TempDir Path tmp) throws IOException {
        Path plan = tmp.resolve("plan");
        int exit = run("plan", EXAMPLE.toString(), "--out", plan.toString(), "-q");
        assertEquals(0, exit, err.toString());
        JsonNode images = new ObjectMapper().readTree(plan.resolve("plan.json").toFile()).path("steps").get(2);
        assertEquals("images", images.path("name").asText());
        assertTrue(images.path("notes").toString().contains("read from the registries: eks2aks copy-images --dry-run\""),
                images.toString());

        Path notAnInventory = Files.writeString(tmp.resolve("other.json"), "{\"schema\": \"something/else\"}");
        int wrong = run("plan", EXAMPLE.toString(), "--inventory", notAnInventory.toString(), "--out", tmp.resolve("p").toString());
        assertEquals(Eks2AksCommand.EXIT_ERROR, wrong);
        assertTrue(err.toString().contains("give the inventory.json that eks2aks inventory wrote"), err.toString());
    }
}
