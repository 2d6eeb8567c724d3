package io.jenkins.plugins.eks2aks.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code copy-images --repository/--tags/--newest/--all-tags}: what is a usage error, and that selections count as images. */
class CopyImagesSelectionOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("copy-images", "--to", "127.0.0.1:9/mirror", "--mode", "copy", "--dry-run"));
        all.addAll(List.of(args));
        return Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            --tags 1\\..*                                            | --tags chooses tags of the --repository selections: give --repository
            --newest 2                                               | --newest chooses tags of the --repository selections: give --repository
            --all-tags                                               | --all-tags chooses tags of the --repository selections: give --repository
            --repository 127.0.0.1:9/shop/* --newest 2 --all-tags    | --newest and --all-tags exclude each other: give one of them
            --repository shop/*                                      | Invalid repository selection 'shop/*': 'shop' is not a registry host
            --repository 127.0.0.1:9/shop/web:1.0                    | Invalid repository selection '127.0.0.1:9/shop/web:1.0': a selection names repositories
            --repository 127.0.0.1:9/shop/* --tags 1.[0-9           | Invalid tag pattern '1.[0-9': Unclosed character class
            --repository 127.0.0.1:9/shop/* --newest 0               | Invalid number of newest tags 0: must be 1 or more
            --repository 127.0.0.1:9/shop/* --newest many            | Invalid value for option '--newest': 'many' is not an int
            """)
    void misusedSelectionOptionsAreUsageErrors(String args, String message) {
        int exit = run(args.split(" "));

        assertEquals(Eks2AksCommand.EXIT_USAGE, exit, err.toString());
        assertTrue(err.toString().contains(message), err.toString());
        assertEquals("", out.toString(), "nothing ran");
    }

    @Test
    void aSelectionAloneIsEnoughImagesAndARegistryThatCannotBeReachedFailsItByName(@TempDir Path tmp) {
        // Only a registry that is not ECR: an ECR selection would call the real ECR API from this test.
        int exit = run("--out", tmp.resolve("out").toString(), "--repository", "127.0.0.1:9/shop/*", "--newest", "2", "--tags", "v.*");

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit, err.toString());
        assertFalse(err.toString().contains("No images"), err.toString());
        assertTrue(out.toString().contains("Selection 127.0.0.1:9/shop/* (newest 2 tags matching v.*) matched 0 repositories"), out.toString());
        // Not ECR: listed through the OCI distribution API, and nothing listens on port 9.
        assertTrue(err.toString().contains("127.0.0.1:9/shop/*: GET 127.0.0.1:9/v2/_catalog failed: Connection refused"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")), "a dry run writes nothing");
    }

    @Test
    void helpShowsTheSelectionOptionsAndAnExample() {
        assertEquals(0, Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("copy-images", "--help"));

        for (String option : List.of("--repository=REGISTRY/REPO[*]", "--tags=REGEX", "--newest=N", "--all-tags",
                "/shop/*' --tags '1\\..*' --newest 3")) {
            assertTrue(out.toString().contains(option), option + " in\n" + out);
        }
    }
}
