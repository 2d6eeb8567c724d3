package io.jenkins.plugins.eks2aks.steps.convert;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.ClassFilterChannel;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The step with a mocked StepContext and a real workspace on disk. */
class ConvertManifestsStepTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers:
                  - name: web
                    image: %s/shop/web:1.8.2
            """.formatted(ECR);

    @TempDir
    Path workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private StepContext context;

    @BeforeEach
    void context() throws Exception {
        Files.createDirectories(workspace.resolve("k8s/eks"));
        Files.writeString(workspace.resolve("k8s/eks/web.yaml"), DEPLOYMENT);
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        context = mock(StepContext.class);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FilePath.class)).thenReturn(ClassFilterChannel.workspace(workspace));
    }

    private Map<String, Object> run(ConvertManifestsStep step) throws Exception {
        return ((ConvertManifestsExecution) step.start(context)).run();
    }

    @Test
    void convertsInTheWorkspaceLogsEveryChangeAndReturnsASummaryMap() throws Exception {
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setAcr("contoso");
        step.setOutput("k8s/aks");

        Map<String, Object> result = run(step);

        assertTrue(Files.readString(workspace.resolve("k8s/aks/manifests/web.yaml")).contains("image: contoso.azurecr.io/shop/web:1.8.2"));
        assertTrue(Files.exists(workspace.resolve("k8s/aks/report/conversion-report.md")));
        assertEquals(1, result.get("changedDocuments"));
        assertEquals(1, result.get("changes"));
        assertEquals(0, result.get("pendingDecisions"));
        assertEquals(workspace.resolve("k8s/aks/report/conversion-report.json").toString(), result.get("reportJson"));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[convert] Deployment shop/web: 1 change [I1] (web.yaml)"), text);
        assertTrue(text.contains("[convert] 1 files, 1 documents, 1 objects"), text);
        verify(context, never()).setResult(any());
    }

    @Test
    void pendingDecisionsMakeTheBuildUnstable() throws Exception {
        Map<String, Object> result = run(new ConvertManifestsStep("k8s/eks"));

        assertEquals(1, result.get("pendingDecisions"));
        verify(context).setResult(Result.UNSTABLE);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("decisions are pending: build marked UNSTABLE"));
    }

    @Test
    void failOnDecisionsFailsTheStepAndFailOnNeverLeavesTheResultAlone() throws Exception {
        ConvertManifestsStep strict = new ConvertManifestsStep("k8s/eks");
        strict.setFailOn("decisions");
        AbortException e = assertThrows(AbortException.class, () -> run(strict));
        assertTrue(e.getMessage().contains("1 decisions are pending"), e.getMessage());

        ConvertManifestsStep lenient = new ConvertManifestsStep("k8s/eks");
        lenient.setFailOn("never");
        assertEquals(1, run(lenient).get("pendingDecisions"));
        verify(context, never()).setResult(any());
    }

    @Test
    void aMappingFileInTheSourceDirectoryIsUsedAndParametersOverrideIt() throws Exception {
        Files.writeString(workspace.resolve("k8s/eks/eks2aks.yaml"), "acr: fabrikam.azurecr.io\n");
        Map<String, Object> result = run(new ConvertManifestsStep("k8s/eks"));
        assertEquals(0, result.get("pendingDecisions"));
        assertTrue(Files.readString(workspace.resolve("eks2aks/aks/manifests/web.yaml")).contains("fabrikam.azurecr.io/shop/web"));
        assertFalse(Files.exists(workspace.resolve("eks2aks/aks/manifests/eks2aks.yaml")), "the mapping file is not a manifest");

        ConvertManifestsStep overridden = new ConvertManifestsStep("k8s/eks");
        overridden.setAcr("contoso");
        run(overridden);
        assertTrue(Files.readString(workspace.resolve("eks2aks/aks/manifests/web.yaml")).contains("contoso.azurecr.io/shop/web"));
    }

    @Test
    void anInvalidMappingFileFailsTheStepNamingTheKey() throws Exception {
        Files.writeString(workspace.resolve("mapping.yaml"), "ingress: {target: traefik}\n");
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setMappingFile("mapping.yaml");
        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertTrue(e.getMessage().contains("key 'ingress.target'"), e.getMessage());
    }

    @Test
    void aRegistryMapCanBeGivenOnePerLineOrCommaSeparated() throws Exception {
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks/web.yaml");
        step.setRegistryMap("210987654321.dkr.ecr.eu-west-1.amazonaws.com=a.azurecr.io,\n " + ECR + "=fabrikam.azurecr.io\n");
        assertEquals(List.of("210987654321.dkr.ecr.eu-west-1.amazonaws.com=a.azurecr.io", ECR + "=fabrikam.azurecr.io"),
                step.registryMapEntries());

        run(step);

        assertTrue(Files.readString(workspace.resolve("eks2aks/aks/manifests/web.yaml")).contains("fabrikam.azurecr.io/shop/web:1.8.2"));
    }

    @Test
    void aDryRunWritesNothing() throws Exception {
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setAcr("contoso");
        step.setDryRun(true);

        Map<String, Object> result = run(step);

        assertEquals(true, result.get("dryRun"));
        assertFalse(Files.exists(workspace.resolve("eks2aks")));
    }

    @Test
    void excludedPathsAreNeitherConvertedNorCopiedAndABadGlobIsNamed() throws Exception {
        Files.createDirectories(workspace.resolve("k8s/eks/test"));
        Files.writeString(workspace.resolve("k8s/eks/test/web.yaml"), DEPLOYMENT);
        Files.writeString(workspace.resolve("k8s/eks/notes.json"), "{\"not\": \"a manifest\"}");
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setAcr("contoso");
        step.setExclude("test\n  *.json  \n");
        assertEquals(List.of("test", "*.json"), step.excludeGlobs());

        Map<String, Object> result = run(step);

        assertEquals(1, result.get("files"));
        assertTrue(Files.exists(workspace.resolve("eks2aks/aks/manifests/web.yaml")));
        assertFalse(Files.exists(workspace.resolve("eks2aks/aks/manifests/test")));
        assertFalse(Files.exists(workspace.resolve("eks2aks/aks/manifests/notes.json")));

        ConvertManifestsStep bad = new ConvertManifestsStep("k8s/eks");
        bad.setExclude("charts/[a");
        AbortException e = assertThrows(AbortException.class, () -> run(bad));
        assertTrue(e.getMessage().startsWith("convertManifests: 'exclude' 'charts/[a' is not a glob"), e.getMessage());
    }

    @Test
    void anInvalidRegistryMapFailsTheStepWithOneLineAndWritesNothing() {
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setRegistryMap("not-a-mapping");

        AbortException e = assertThrows(AbortException.class, () -> run(step));

        assertTrue(e.getMessage().startsWith("convertManifests: Invalid registry map entry 'not-a-mapping'"), e.getMessage());
        assertFalse(Files.exists(workspace.resolve("eks2aks")));
    }

    @Test
    void invalidYamlFailsTheStepNamingFileLineAndColumn() throws IOException {
        Files.writeString(workspace.resolve("k8s/eks/broken.yaml"), "apiVersion: v1\nkind: [Pod\n");
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setAcr("contoso");

        AbortException e = assertThrows(AbortException.class, () -> run(step));

        assertTrue(e.getMessage().startsWith("convertManifests: broken.yaml:3:1: invalid YAML"), e.getMessage());
        assertFalse(Files.exists(workspace.resolve("eks2aks")));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "k8s", "k8s/eks/aks", "/tmp/eks2aks-out"})
    void anOutputThatWouldReplaceTheWorkspaceOrTheSourceIsRefusedAndNothingIsDeleted(String output) throws Exception {
        Files.writeString(workspace.resolve("Jenkinsfile"), "pipeline {}");
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setAcr("contoso");
        step.setOutput(output);
        step.setForce(true);

        AbortException e = assertThrows(AbortException.class, () -> run(step));

        assertTrue(e.getMessage().startsWith("convertManifests: "), e.getMessage());
        assertTrue(e.getMessage().contains("'output'") || e.getMessage().contains("Output folder '"), e.getMessage());
        assertEquals("pipeline {}", Files.readString(workspace.resolve("Jenkinsfile")));
        assertEquals(DEPLOYMENT, Files.readString(workspace.resolve("k8s/eks/web.yaml")));
    }

    @Test
    void aSourceOrMappingFileOutsideTheWorkspaceIsRefused(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("web.yaml"), DEPLOYMENT);
        Files.createSymbolicLink(workspace.resolve("linked"), outside);
        for (String source : new String[] {outside.toString(), "../" + outside.getFileName(), "linked"}) {
            AbortException e = assertThrows(AbortException.class, () -> run(new ConvertManifestsStep(source)));
            assertTrue(e.getMessage().startsWith("convertManifests: 'source' '" + source + "' leads outside the workspace"), e.getMessage());
        }
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setMappingFile("../eks2aks.yaml");
        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertEquals("convertManifests: 'mappingFile' '../eks2aks.yaml' leads outside the workspace: give a path inside it", e.getMessage());
    }

    @Test
    void aFolderEks2aksDidNotWriteIsReplacedOnlyWithForce() throws Exception {
        Files.writeString(Files.createDirectories(workspace.resolve("k8s/aks")).resolve("notes.txt"), "mine");
        ConvertManifestsStep step = new ConvertManifestsStep("k8s/eks");
        step.setAcr("contoso");
        step.setOutput("k8s/aks");

        AbortException e = assertThrows(AbortException.class, () -> run(step));
        assertTrue(e.getMessage().endsWith("or replace this one on purpose with force: true"), e.getMessage());
        assertEquals("mine", Files.readString(workspace.resolve("k8s/aks/notes.txt")));

        step.setForce(true);
        run(step);
        assertFalse(Files.exists(workspace.resolve("k8s/aks/notes.txt")));
        assertTrue(Files.exists(workspace.resolve("k8s/aks/manifests/web.yaml")));
    }

    @Test
    void aMissingSourceFailsTheStepNamingIt() {
        AbortException e = assertThrows(AbortException.class, () -> run(new ConvertManifestsStep("nope")));
        assertTrue(e.getMessage().contains("nope' does not exist"), e.getMessage());
        AbortException blank = assertThrows(AbortException.class, () -> run(new ConvertManifestsStep(" ")));
        assertTrue(blank.getMessage().contains("'source' is required"), blank.getMessage());
    }

    @Test
    void blankOptionalParametersMeanTheDefaults() {
        ConvertManifestsStep step = new ConvertManifestsStep(" k8s ");
        step.setOutput(" ");
        step.setAcr("");
        step.setRegistryMap(" \n");
        assertEquals("k8s", step.getSource());
        assertEquals(ConvertManifestsStep.DEFAULT_OUTPUT, step.getOutput());
        assertEquals(null, step.getAcr());
        assertEquals(List.of(), step.registryMapEntries());
    }

    @Test
    void theDescriptorNamesTheStepAndRequiresANodeWorkspace() {
        ConvertManifestsStep.DescriptorImpl descriptor = new ConvertManifestsStep.DescriptorImpl();
        assertEquals("convertManifests", descriptor.getFunctionName());
        assertEquals("Convert EKS manifests for AKS", descriptor.getDisplayName());
        assertEquals(Set.of(FilePath.class, TaskListener.class), descriptor.getRequiredContext());
    }
}
