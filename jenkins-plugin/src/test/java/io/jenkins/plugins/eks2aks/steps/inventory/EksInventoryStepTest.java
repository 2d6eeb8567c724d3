package io.jenkins.plugins.eks2aks.steps.inventory;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.standins.EksApiStandIn;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.steps.ClassFilterChannel;
import io.jenkins.plugins.eks2aks.steps.credentials.CredentialsLookup;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The step with a mocked StepContext, a real workspace, and the engine's local stand-ins for live mode. */
class EksInventoryStepTest {

    /** The keys of the test credential: nothing may show them. */
    static final List<String> SECRETS = List.of("jenkins/secret/KEY", "jenkins-session-token", "k8s-aws-v1.");

    @TempDir
    Path workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private StepContext context;

    private StepContext context(EnvVars env) throws Exception {
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        context = mock(StepContext.class);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FilePath.class)).thenReturn(ClassFilterChannel.workspace(workspace));
        when(context.get(EnvVars.class)).thenReturn(env);
        when(context.get(Run.class)).thenReturn(mock(Run.class));
        return context;
    }

    private Map<String, Object> run(EksInventoryStep step, EnvVars env) throws Exception {
        step.credentials = new StepCredentials(new CredentialsLookup() {
            @Override
            public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> r) {
                Object c = id.equals("aws-prod") ? io.jenkins.plugins.eks2aks.steps.credentials.StepCredentialsTestSupport.awsCredential() : null;
                return type.isInstance(c) ? type.cast(c) : null;
            }
        });
        return ((EksInventoryExecution) step.start(context(env))).run();
    }

    @Test
    void aDumpInTheWorkspaceIsInventoriedAndTheMapSaysWhatAJenkinsfileNeeds() throws Exception {
        Path dump = TestServerInstall.repositoryRoot().resolve("examples/eks-sample/cluster-dump");
        Files.createDirectories(workspace.resolve("dump"));
        try (Stream<Path> files = Files.list(dump)) {
            for (Path f : files.toList()) {
                Files.copy(f, workspace.resolve("dump").resolve(f.getFileName()));
            }
        }
        EksInventoryStep step = new EksInventoryStep();
        step.setDump("dump");
        step.setSourceVersion("1.29");

        Map<String, Object> result = run(step, new EnvVars());

        assertEquals(5, result.get("ecrImages"));
        assertTrue((Integer) result.get("high") >= 8);
        assertEquals(workspace.resolve("eks2aks/inventory/ecr-images.txt").toString(), result.get("imageList"));
        assertTrue(result.get("findingsBySeverity") instanceof Map);
        assertTrue(Files.exists(workspace.resolve("eks2aks/inventory/inventory.html")));
        String json = Files.readString(workspace.resolve("eks2aks/inventory/inventory.json"));
        assertTrue(json.contains("(copy with the ecrToAcr step)"), "the image findings name the step that copies");
        assertFalse(json.contains("eks2aks copy-images"), "no CLI command named in a build log");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("[inventory] 49 objects, 20 images (5 from ECR)"), log.toString(StandardCharsets.UTF_8));
        verify(context, never()).setResult(any());
    }

    @Test
    void aLiveRunWithAnAwsCredentialNeverShowsItsKeysInTheLogOrTheReports() throws Exception {
        MockCluster cluster = MockCluster.sharedShop();
        Map<String, Object> result;
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            eksApi.apiServer(cluster.url(), cluster.certificateAuthority());
            EksInventoryStep step = new EksInventoryStep();
            step.setCluster("shop-prod");
            step.setRegion("us-east-1");
            step.setAwsCredentialsId("aws-prod");

            result = run(step, new EnvVars("AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()));

            assertTrue(eksApi.requests().get(0).authorization().contains("Credential=ASIAJENKINSEXAMPLE/"), "signed with the credential's keys");
        }
        assertEquals(3, result.get("nodePools"));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[inventory] AWS credentials: credential 'aws-prod'"), text);
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), "the log shows " + secret);
        }
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file);
                for (String secret : SECRETS) {
                    assertFalse(content.contains(secret), file + " holds " + secret);
                }
            }
        }
    }

    @Test
    void exactlyOneSourceIsRequired() {
        AbortException none = assertThrows(AbortException.class, () -> run(new EksInventoryStep(), new EnvVars()));
        assertEquals("eksInventory: Give exactly one of 'cluster' (live, with 'region'), 'kubeconfig' or 'dump' (offline)", none.getMessage());
        EksInventoryStep both = new EksInventoryStep();
        both.setCluster("c");
        both.setDump("d");
        assertThrows(AbortException.class, () -> run(both, new EnvVars()));
    }

    @Test
    void aDumpThatIsNotKubernetesFailsTheStepNamingFileAndLine() throws IOException {
        Files.writeString(workspace.resolve("dump.yaml"), "apiVersion: v1\nkind: [List\n");
        EksInventoryStep step = new EksInventoryStep();
        step.setDump("dump.yaml");

        AbortException e = assertThrows(AbortException.class, () -> run(step, new EnvVars()));

        assertTrue(e.getMessage().startsWith("eksInventory: dump.yaml:3:1: invalid YAML"), e.getMessage());
    }

    @Test
    void theDescriptorNamesTheStepAndItsContext() {
        EksInventoryStep.DescriptorImpl d = new EksInventoryStep.DescriptorImpl();
        assertEquals("eksInventory", d.getFunctionName());
        assertEquals("Inventory an EKS cluster for the move to AKS", d.getDisplayName());
        assertEquals(Set.of(FilePath.class, TaskListener.class, Run.class, EnvVars.class), d.getRequiredContext());
    }
}
