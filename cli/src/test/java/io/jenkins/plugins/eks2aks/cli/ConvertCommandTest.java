package io.jenkins.plugins.eks2aks.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvertCommandTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: " + ECR + "/shop/a:1}\n";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void convertsWithADefaultAcrAndPrintsASummary(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        int exit = run("convert", in.toString(), "--acr", "contoso", "--out", tmp.resolve("out").toString());

        assertEquals(0, exit, err.toString());
        assertTrue(Files.readString(tmp.resolve("out/manifests/pod.yaml")).contains("contoso.azurecr.io/shop/a:1"));
        assertTrue(out.toString().contains("1 documents changed; 1 changes (1 AUTO, 0 need a decision); 0 conflicts"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void verbosePrintsEveryChangeWithItsValues(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        assertEquals(0, run("convert", in.toString(), "--acr", "contoso", "--out", tmp.resolve("out").toString(), "--verbose"));
        assertTrue(out.toString().contains("Pod p /spec/containers/0/image: " + ECR + "/shop/a:1 -> contoso.azurecr.io/shop/a:1 [I1 AUTO]"), out.toString());
    }

    @Test
    void registryMapEntriesAreRepeatable(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        int exit = run("convert", in.toString(), "--out", tmp.resolve("out").toString(), "-q",
                "--registry-map", "210987654321.dkr.ecr.eu-west-1.amazonaws.com=other.azurecr.io",
                "--registry-map", ECR + "/shop=fabrikam.azurecr.io/team");

        assertEquals(0, exit, err.toString());
        assertTrue(Files.readString(tmp.resolve("out/manifests/pod.yaml")).contains("fabrikam.azurecr.io/team/a:1"));
        assertEquals(1, out.toString().lines().count(), "quiet prints only the summary: " + out);
    }

    @Test
    void pendingDecisionsExitWithTwoAndAreReportedOnStderr(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        int exit = run("convert", in.toString(), "--out", tmp.resolve("out").toString());

        assertEquals(Eks2AksCommand.EXIT_DECISIONS_PENDING, exit);
        assertTrue(err.toString().contains("decision needed [I1]"), err.toString());
    }

    @Test
    void anInputWithoutAnyObjectWarnsAndExitsWithTwo(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(in.resolve("values.yaml"), "replicaCount: 2\n");

        int exit = run("convert", in.toString(), "--out", tmp.resolve("out").toString());

        assertEquals(Eks2AksCommand.EXIT_DECISIONS_PENDING, exit, err.toString());
        assertTrue(err.toString().contains(in + " holds no Kubernetes object"), err.toString());
        assertTrue(out.toString().contains("0 objects; 0 documents changed; 0 changes (0 AUTO, 1 need a decision)"), out.toString());
        assertEquals(0, run("convert", in.toString(), "--out", tmp.resolve("out").toString(), "--fail-on", "conflicts"));
    }

    @Test
    void excludedPathsAreLeftOutAndLeaveTheKustomizationsListingThem(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("pod.yaml"), POD);
        Files.createDirectories(in.resolve("charts/web/templates"));
        Files.writeString(in.resolve("charts/web/templates/pod.yaml"), POD);
        Files.writeString(in.resolve("debug.yaml"), POD.replace("name: p", "name: debug"));
        Files.writeString(in.resolve("kustomization.yaml"), "resources:\n- pod.yaml\n- debug.yaml\n");

        int exit = run("convert", in.toString(), "--acr", "contoso", "--out", tmp.resolve("out").toString(),
                "--exclude", "charts/**", "--exclude", "debug.*");

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("1 files, 1 documents, 1 objects"), out.toString());
        assertTrue(out.toString().contains("Left out 2 excluded files: charts/web/templates/pod.yaml, debug.yaml"), out.toString());
        assertFalse(Files.exists(tmp.resolve("out/manifests/charts")));
        assertFalse(Files.exists(tmp.resolve("out/manifests/debug.yaml")));
        assertEquals("resources:\n- pod.yaml\n", Files.readString(tmp.resolve("out/manifests/kustomization.yaml")));

        assertEquals(Eks2AksCommand.EXIT_USAGE, run("convert", in.toString(), "--out", tmp.resolve("out2").toString(), "--exclude", "{a,b"));
        assertTrue(err.toString().contains("--exclude '{a,b' is not a glob"), err.toString());
    }

    @Test
    void anInvalidRegistryMapIsOneErrorLineAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        int exit = run("convert", in.toString(), "--out", tmp.resolve("out").toString(), "--registry-map", "nonsense");

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertEquals("eks2aks: error: Invalid registry map entry 'nonsense': expected <ecr-host>[/<repo-prefix>]=<acr-host>[/<repo-prefix>], e.g. "
                + "123456789012.dkr.ecr.us-east-1.amazonaws.com=contoso.azurecr.io", err.toString().strip());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aMissingInputIsOneErrorLine(@TempDir Path tmp) {
        int exit = run("convert", tmp.resolve("missing").toString(), "--acr", "contoso", "--out", tmp.resolve("out").toString());

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("missing' does not exist"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aDocumentWithoutKindNamesFileAndDocument(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("two.yaml"), POD + "---\napiVersion: v1\nmetadata: {name: x}\n");
        int exit = run("convert", in.toString(), "--acr", "contoso", "--out", tmp.resolve("out").toString());

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertTrue(err.toString().contains("two.yaml, document 2 (line 8): missing 'kind'"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void usageErrorsExitWith64AndPointToHelp() {
        assertEquals(Eks2AksCommand.EXIT_USAGE, run("convert", "in.yaml"));
        assertTrue(err.toString().contains("Missing required option: '--out=DIR'"), err.toString());
        assertTrue(err.toString().contains("Try 'eks2aks convert --help'."), err.toString());
        assertEquals(Eks2AksCommand.EXIT_USAGE, run("frobnicate"));
    }

    @Test
    void aMappingFileIsReadAndFlagsOverrideIt(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("pod.yaml"), POD);
        Files.writeString(in.resolve("eks2aks.yaml"), "acr: fabrikam.azurecr.io\n");

        assertEquals(0, run("convert", in.toString(), "--out", tmp.resolve("a").toString()), err.toString());
        assertTrue(out.toString().contains("Using mapping file " + in.resolve("eks2aks.yaml")), out.toString());
        assertTrue(Files.readString(tmp.resolve("a/manifests/pod.yaml")).contains("fabrikam.azurecr.io/shop/a:1"));
        assertFalse(Files.exists(tmp.resolve("a/manifests/eks2aks.yaml")), "the mapping file is not a manifest");

        Path explicit = Files.writeString(tmp.resolve("other.yaml"), "acr: other1.azurecr.io\n");
        assertEquals(0, run("convert", in.toString(), "--out", tmp.resolve("b").toString(), "-m", explicit.toString(), "--acr", "contoso"));
        assertTrue(Files.readString(tmp.resolve("b/manifests/pod.yaml")).contains("contoso.azurecr.io/shop/a:1"), "--acr wins over the file");
    }

    @Test
    void anInvalidMappingFileIsOneErrorLineNamingTheKey(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        Path mapping = Files.writeString(tmp.resolve("eks2aks.yaml"), "ingress: {target: traefik}\n");
        int exit = run("convert", in.toString(), "--out", tmp.resolve("out").toString(), "--mapping", mapping.toString());

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("key 'ingress.target': does not have a value in the enumeration [webapprouting, agic, agc]"), err.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void failOnChoosesWhatMakesTheExitCodeNonZero(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        assertEquals(Eks2AksCommand.EXIT_DECISIONS_PENDING, run("convert", in.toString(), "--out", tmp.resolve("a").toString()));
        assertEquals(0, run("convert", in.toString(), "--out", tmp.resolve("b").toString(), "--fail-on", "conflicts"));
        assertEquals(0, run("convert", in.toString(), "--out", tmp.resolve("c").toString(), "--fail-on", "never"));
        assertEquals(Eks2AksCommand.EXIT_USAGE, run("convert", in.toString(), "--out", tmp.resolve("d").toString(), "--fail-on", "sometimes"));
    }

    @Test
    void invalidChoicesAreUsageErrorsOrOneLineErrors(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        assertEquals(Eks2AksCommand.EXIT_USAGE, run("convert", in.toString(), "--out", tmp.resolve("a").toString(), "--format", "helm"));
        assertTrue(err.toString().contains("Invalid value for --format: 'helm' (allowed: files, kustomize)"), err.toString());
        assertEquals(Eks2AksCommand.EXIT_ERROR, run("convert", in.toString(), "--out", tmp.resolve("b").toString(), "--ingress-target", "traefik"));
        assertTrue(err.toString().contains("Invalid ingress target 'traefik'"), err.toString());
        assertEquals(Eks2AksCommand.EXIT_ERROR, run("convert", in.toString(), "--out", tmp.resolve("c").toString(), "--target-aks-version", "33"));
    }

    @Test
    void aFolderEks2aksDidNotWriteIsRefusedUnlessForced(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        Path out = Files.createDirectories(tmp.resolve("checkout/sub"));
        Files.writeString(out.resolve("keep.yaml"), "mine");

        int exit = run("convert", in.toString(), "--acr", "contoso", "--out", out.toString());

        assertEquals(3, exit);
        assertEquals("eks2aks: error: Output folder '" + out + "' is not empty and was not written by eks2aks (it has no "
                + ".eks2aks-output file): nothing was changed. Choose a new or empty folder, or replace this one on purpose with --force",
                err.toString().strip());
        assertEquals("mine", Files.readString(out.resolve("keep.yaml")));

        assertEquals(0, run("convert", in.toString(), "--acr", "contoso", "--out", out.toString(), "--force"));
        assertFalse(Files.exists(out.resolve("keep.yaml")));
        assertTrue(Files.exists(out.resolve("manifests/pod.yaml")));
        assertEquals(0, run("convert", in.toString(), "--acr", "contoso", "--out", out.toString()), "now marked as ours: " + err);
    }

    @Test
    void theCurrentFolderIsNeverAnOutputEvenForced(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("pod.yaml"), POD);
        int exit = run("convert", in.toString(), "--acr", "contoso", "--out", ".", "--force");
        assertEquals(3, exit);
        assertTrue(err.toString().contains("Output folder '.' holds the current folder and would replace it"), err.toString());
    }

    @Test
    void helpListsTheOptionsAndAnExample() {
        assertEquals(0, run("convert", "--help"));
        for (String option : new String[] {"--acr", "--registry-map", "--out", "--dry-run", "--mapping", "--format",
                "--velero-configmaps", "--fail-on", "--exclude", "--ingress-target", "--target-aks-version", "eks2aks convert examples/eks-sample"}) {
            assertTrue(out.toString().contains(option), option);
        }
    }
}
