package io.jenkins.plugins.eks2aks.steps.traffic;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.standins.HealthTarget;
import io.jenkins.plugins.eks2aks.standins.Route53StandIn;
import io.jenkins.plugins.eks2aks.steps.credentials.CredentialsLookup;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.steps.inventory.BufferListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.DataBoundSetter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jenkins.plugins.eks2aks.standins.Route53StandIn.simple;
import static io.jenkins.plugins.eks2aks.standins.Route53StandIn.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The step against the Route 53 stand-in (through AWS_ENDPOINT_URL_ROUTE_53 in the build's environment) and a local health target. */
class ShiftTrafficStepTest {

    static final String EKS = "shop-eks-1234.us-east-1.elb.amazonaws.com";
    static final String AKS = "shop.eastus.cloudapp.azure.com";

    @TempDir
    Path workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private Route53StandIn route53;
    private HealthTarget health;

    @BeforeEach
    void zone() {
        route53 = new Route53StandIn().zone("Z0STEP", "example.com.");
        route53.put("Z0STEP", simple("www.example.com.", "CNAME", 60, EKS)); // already at the shift TTL: no old TTL to wait out
        route53.pendingPolls(0);
        health = new HealthTarget();
    }

    @AfterEach
    void stop() {
        route53.close();
        health.close();
    }

    private EnvVars env() {
        EnvVars env = new EnvVars();
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.put("AWS_ENDPOINT_URL_ROUTE_53", route53.uri().toString());
        return env;
    }

    private Map<String, Object> run(ShiftTrafficStep step, EnvVars env) throws Exception {
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        StepContext context = mock(StepContext.class);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FilePath.class)).thenReturn(new FilePath(workspace.toFile()));
        when(context.get(EnvVars.class)).thenReturn(env);
        when(context.get(Run.class)).thenReturn(mock(Run.class));
        step.credentials = new StepCredentials(new CredentialsLookup() {
            @Override
            public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> r) {
                return null;
            }
        });
        return ((ShiftTrafficExecution) step.start(context)).run();
    }

    private ShiftTrafficStep step() {
        ShiftTrafficStep step = new ShiftTrafficStep();
        step.setHostnames("www.example.com");
        step.setEksTarget(EKS);
        step.setAksTarget(AKS);
        step.setRoute53ZoneId("Z0STEP");
        step.setHold("0s");
        step.setHealthUrl(health.health().toString());
        step.setPasses(2);
        step.setProbeInterval("0s");
        step.setLatencyBudget("10s");
        return step;
    }

    @Test
    void aHealthyShiftReturnsTheWeightsAndTheReports() throws Exception {
        Map<String, Object> result = run(step(), env());

        assertEquals("SHIFTED", result.get("outcome"));
        assertEquals(100, result.get("aksPercent"));
        assertEquals(weighted("www.example.com.", "CNAME", "aks", 100, 60, AKS), route53.find("Z0STEP", "www.example.com.", "CNAME", "aks"));
        assertTrue(Files.exists(Path.of((String) result.get("reportJson"))));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[traffic] credentials: AWS AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"), text);
        assertTrue(!text.contains("wJalrXUtnFEMI"), "no secret in the log");
    }

    @Test
    void aFailedGateRollsBackAndFailsTheStepNamingWhatFailed() {
        health.failAfter(7); // a warm-up, 2 before any change, 2 at 10%, 2 at 25%: the first probe at 50% fails
        AbortException e = assertThrows(AbortException.class, () -> run(step(), env()));

        assertTrue(e.getMessage().startsWith("shiftTraffic: gate failed (" + health.health() + " at 50% AKS: 503 (expected 200)): "
                + "rolled back to 25% AKS; see "), e.getMessage());
        assertEquals(75L, route53.find("Z0STEP", "www.example.com.", "CNAME", "eks").weight());
        assertEquals(25L, route53.find("Z0STEP", "www.example.com.", "CNAME", "aks").weight());
    }

    @Test
    void wrongParametersFailOnTheControllerInTheStepsWords() {
        ShiftTrafficStep step = step();
        step.setWeights("10,50");
        assertEquals("shiftTraffic: 'weights' '10,50' must end at 100 (all traffic on AKS), e.g. 10,25,50,100",
                assertThrows(AbortException.class, () -> run(step, env())).getMessage());
        ShiftTrafficStep azure = step();
        azure.setRoute53ZoneId(null);
        azure.setTrafficManagerProfile("shop-tm");
        azure.setResourceGroup("rg-shop");
        assertEquals("shiftTraffic: no Azure credentials: give azureCredentialsId or bind AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and "
                + "AZURE_TENANT_ID with withCredentials([azureServicePrincipal(...)])", assertThrows(AbortException.class, () -> run(azure, env())).getMessage());
        assertEquals(List.of(), route53.batches());
    }

    @Test
    void theCallableSurvivesSerializationAndReturnsJdkTypes() throws Exception {
        HashMap<String, String> settings = new HashMap<>(env()); // the agent's own AWS variables: no keys from the controller
        ShiftTrafficCallable callable = new ShiftTrafficCallable(new ShiftTrafficCallable.Parameters(new ArrayList<>(List.of("www.example.com")),
                EKS, AKS, "Z0STEP", null, null, null, null, "50,100", "0s", null, null, null, null, null, null, null, null, null, true, false, "out"),
                null, null, settings, new BufferListener());

        HashMap<String, Object> result = roundTrip(roundTrip(callable).invoke(workspace.toFile(), null));

        assertEquals("PLANNED", result.get("outcome"));
        assertTrue(result.get("hostnames").getClass().getName().startsWith("java."));
        assertTrue(Files.exists(workspace.resolve("out/traffic-shift.md")));
    }

    @Test
    void everyParameterHasHelp() {
        for (Method m : ShiftTrafficStep.class.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                assertNotNull(ShiftTrafficStep.class.getResource("ShiftTrafficStep/help-" + field + ".html"), "help for " + field);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
