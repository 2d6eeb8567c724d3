package io.jenkins.plugins.eks2aks.steps.preflight;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.steps.ClassFilterChannel;
import io.jenkins.plugins.eks2aks.steps.credentials.CredentialsLookup;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.steps.inventory.BufferListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The step against fabric8's mock API server through a kubeconfig in the workspace. */
class AksPreflightStepTest {

    @TempDir
    Path workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private StepContext context;

    private Map<String, Object> run(AksPreflightStep step, EnvVars env) throws Exception {
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        context = mock(StepContext.class);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FilePath.class)).thenReturn(ClassFilterChannel.workspace(workspace));
        when(context.get(EnvVars.class)).thenReturn(env);
        when(context.get(Run.class)).thenReturn(mock(Run.class));
        step.credentials = new StepCredentials(new CredentialsLookup() {
            @Override
            public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> r) {
                return null;
            }
        });
        return ((AksPreflightExecution) step.start(context)).run();
    }

    private AksPreflightStep kubeconfigStep() {
        MockCluster.sharedShop().writeKubeconfig(workspace.resolve("aks.kubeconfig"), "t");
        AksPreflightStep step = new AksPreflightStep();
        step.setKubeconfig("aks.kubeconfig");
        step.setSourceVersion("1.29");
        step.setIngress("app-routing");
        return step;
    }

    @Test
    void failedChecksMarkTheBuildUnstableAndTheMapNamesThem() throws Exception {
        Map<String, Object> result = run(kubeconfigStep(), new EnvVars());

        assertEquals(false, result.get("ready"));
        assertTrue(((List<?>) result.get("failedChecks")).contains("velero/crds"), result.toString());
        assertTrue(Files.readString(Path.of((String) result.get("junitXml"))).contains("<testsuite name=\"aksPreflight kubeconfig aks.kubeconfig\""));
        verify(context).setResult(Result.UNSTABLE);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("[preflight] WARNING: FAIL velero/crds"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failOnNotReadyFailsTheStepInstead() {
        AksPreflightStep step = kubeconfigStep();
        step.setFailOnNotReady(true);

        AbortException e = assertThrows(AbortException.class, () -> run(step, new EnvVars()));

        assertTrue(e.getMessage().startsWith("aksPreflight: the target is not ready: "), e.getMessage());
    }

    @Test
    void anAzureClusterWithoutCredentialsSaysWhatToBind() {
        AksPreflightStep step = new AksPreflightStep();
        step.setResourceGroup("rg");
        step.setCluster("aks");

        AbortException e = assertThrows(AbortException.class, () -> run(step, new EnvVars()));

        assertEquals("aksPreflight: no Azure credentials: give azureCredentialsId or bind AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and "
                + "AZURE_TENANT_ID with withCredentials([azureServicePrincipal(...)])", e.getMessage());
        AksPreflightStep half = new AksPreflightStep();
        half.setResourceGroup("rg");
        assertThrows(AbortException.class, () -> run(half, new EnvVars()));
    }

    @Test
    void theCallableSurvivesSerializationAndReturnsJdkTypes() throws Exception {
        MockCluster.sharedShop().writeKubeconfig(workspace.resolve("aks.kubeconfig"), "t");
        AksPreflightCallable callable = new AksPreflightCallable(new AksPreflightCallable.Parameters(null, null, null, "aks.kubeconfig",
                null, null, "1.29", null, null, "velero", "out", false), null, new HashMap<>(), new BufferListener());

        AksPreflightCallable copy = roundTrip(callable);
        HashMap<String, Object> result = roundTrip(copy.invoke(workspace.toFile(), null));

        assertEquals(false, result.get("ready"));
        assertTrue(result.get("failedChecks").getClass().getName().startsWith("java."));
        assertTrue(Files.exists(workspace.resolve("out/preflight.md")));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        return (T) ClassFilterChannel.roundTrip(value, String.valueOf(value));
    }
}
