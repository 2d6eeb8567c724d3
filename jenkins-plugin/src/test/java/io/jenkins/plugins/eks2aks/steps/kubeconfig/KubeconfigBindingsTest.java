package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.kubeconfig.AksKubeconfig;
import io.jenkins.plugins.eks2aks.standins.ArmAksStandIn;
import io.jenkins.plugins.eks2aks.standins.EksApiStandIn;
import io.jenkins.plugins.eks2aks.standins.MockCluster;
import io.jenkins.plugins.eks2aks.standins.PagingCrudDispatcher;
import io.jenkins.plugins.eks2aks.steps.ClassFilterChannel;
import io.jenkins.plugins.eks2aks.steps.credentials.CredentialsLookup;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentialsTestSupport;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * eksKubeconfig and aksKubeconfig as withCredentials calls them on the controller: bind against the cloud stand-ins,
 * the kubeconfig beside the workspace (never in it), the token as a secret value (so withCredentials masks it), the
 * file usable by a Kubernetes client, and gone after unbind.
 */
class KubeconfigBindingsTest {

    @TempDir
    Path root;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private TaskListener listener() {
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        return listener;
    }

    private Run<?, ?> run(EnvVars env) throws Exception {
        Run<?, ?> run = mock(Run.class);
        when(run.getEnvironment(org.mockito.ArgumentMatchers.any())).thenReturn(env);
        return run;
    }

    private static StepCredentials store(String id, IdCredentials credential) {
        return new StepCredentials(new CredentialsLookup() {
            @Override
            public <C extends IdCredentials> C find(String wanted, Class<C> type, Run<?, ?> r) {
                return wanted.equals(id) && type.isInstance(credential) ? type.cast(credential) : null;
            }
        });
    }

    private FilePath workspace() throws Exception {
        Path ws = Files.createDirectories(root.resolve("job"));
        return new FilePath(ws.toFile());
    }

    @Test
    void eksKubeconfigWritesAWorkingKubeconfigBesideTheWorkspaceAndDeletesItOnUnbind() throws Exception {
        MockCluster cluster = MockCluster.sharedShop();
        AmazonWebServicesCredentials aws = StepCredentialsTestSupport.awsCredential();
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            eksApi.apiServer(cluster.url(), cluster.certificateAuthority());
            EksKubeconfigBinding binding = new EksKubeconfigBinding("aws-prod", "shop-prod", "us-east-1").withCredentials(store("aws-prod", aws));
            FilePath workspace = workspace();
            Run<?, ?> run = run(new EnvVars("AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()));

            MultiBinding.MultiEnvironment env = binding.bind(run, workspace, null, listener());

            Path file = Path.of(env.getPublicValues().get("KUBECONFIG"));
            assertTrue(file.startsWith(root.resolve("job@tmp").resolve(KubeconfigFiles.FOLDER)), file.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String token = env.getSecretValues().get("KUBE_TOKEN");
            assertTrue(token.startsWith("k8s-aws-v1."), "the token is a secret value, so withCredentials masks it");
            assertEquals(binding.variables(), env.getSecretValues().keySet());
            assertTrue(eksApi.requests().get(0).authorization().contains("Credential=ASIAJENKINSEXAMPLE/"));
            try (KubernetesClient client = KubernetesClients.fromKubeconfig(file, null, Duration.ofSeconds(10))) {
                assertFalse(client.namespaces().list().getItems().isEmpty());
            }
            assertEquals("Bearer " + token, cluster.dispatcher().seen().stream().map(PagingCrudDispatcher.Seen::authorization)
                    .filter(a -> a != null && a.startsWith("Bearer ")).reduce((a, b) -> b).orElseThrow());
            assertFalse(Files.readString(file).contains("jenkins/secret/KEY"));
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("k8s-aws-v1."), log.toString(StandardCharsets.UTF_8));

            env.getUnbinder().unbind(run, workspace, null, listener());

            assertFalse(Files.exists(file.getParent()), "the folder is gone after the block");
            try (var left = Files.list(root.resolve("job"))) {
                assertEquals(0, left.count(), "nothing was written into the workspace");
            }
        }
    }

    @Test
    void eksKubeconfigRenewsItsTokenFileWhileTheBlockRunsAndStopsWhenItEnds() throws Exception {
        MockCluster cluster = MockCluster.sharedShop();
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            eksApi.apiServer(cluster.url(), cluster.certificateAuthority());
            EksKubeconfigBinding binding = new EksKubeconfigBinding("aws-prod", "shop-prod", "us-east-1")
                    .withCredentials(store("aws-prod", StepCredentialsTestSupport.awsCredential()));
            binding.renewal = Duration.ofMillis(1100); // a presigned token changes with the second it is signed in
            FilePath workspace = workspace();
            Run<?, ?> run = run(new EnvVars("AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()));

            MultiBinding.MultiEnvironment env = binding.bind(run, workspace, null, listener());

            Path file = Path.of(env.getPublicValues().get("KUBECONFIG"));
            Path tokenFile = file.resolveSibling(TokenRenewals.TOKEN);
            String first = env.getSecretValues().get("KUBE_TOKEN");
            assertEquals(first, Files.readString(tokenFile));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            assertTrue(Files.readString(file).contains("tokenFile: " + tokenFile), Files.readString(file));
            long end = System.currentTimeMillis() + 20_000;
            while (Files.readString(tokenFile).equals(first) && System.currentTimeMillis() < end) {
                Thread.sleep(100);
            }
            String renewed = Files.readString(tokenFile);
            assertTrue(renewed.startsWith("k8s-aws-v1.") && !renewed.equals(first), "the token was renewed while the block ran");
            int before = cluster.dispatcher().seen().size();
            try (KubernetesClient client = KubernetesClients.fromKubeconfig(file, null, Duration.ofSeconds(10))) {
                assertFalse(client.namespaces().list().getItems().isEmpty());
            }
            List<String> sent = cluster.dispatcher().seen().subList(before, cluster.dispatcher().seen().size()).stream()
                    .map(PagingCrudDispatcher.Seen::authorization).toList();
            assertTrue(!sent.isEmpty() && sent.stream().allMatch(a -> a.startsWith("Bearer k8s-aws-v1.") && !a.equals("Bearer " + first)),
                    "a client started now sends a renewed token: " + sent.size());
            assertTrue(Files.readString(file).contains("tokenFile: " + tokenFile), "the renewed kubeconfig still names the token file");
            String name = file.getParent().getFileName().toString();
            assertTrue(TokenRenewals.running(name));
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("k8s-aws-v1."), log.toString(StandardCharsets.UTF_8));

            env.getUnbinder().unbind(run, workspace, null, listener());

            assertFalse(TokenRenewals.running(name), "the renewals end with the block");
            Thread.sleep(2500);
            assertFalse(Files.exists(file.getParent()), "no renewal writes the folder again after the block");
        }
    }

    /**
     * A token renewed after withCredentials collected its secret values, printed by a step inside the block (say
     * {@code sh 'cat $KUBECONFIG'} on an agent): the build's step logs mask it, also after the decorator crossed the
     * agent channel; other builds' logs are left alone, and so are this build's after the block.
     */
    @Test
    void renewedTokensAreMaskedInTheStepLogsOfTheBuildWhileItsBindingRenews() throws Exception {
        MockCluster cluster = MockCluster.sharedShop();
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            eksApi.apiServer(cluster.url(), cluster.certificateAuthority());
            EksKubeconfigBinding binding = new EksKubeconfigBinding("aws-prod", "shop-prod", "us-east-1")
                    .withCredentials(store("aws-prod", StepCredentialsTestSupport.awsCredential()));
            binding.renewal = Duration.ofMillis(1100);
            FilePath workspace = workspace();
            Run<?, ?> run = run(new EnvVars("AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()));
            when(run.getExternalizableId()).thenReturn("migrate/shop#7");
            EksTokenMasking factory = new EksTokenMasking();
            assertEquals(null, factory.of(owner("migrate/shop#7")), "no binding renews yet");

            MultiBinding.MultiEnvironment env = binding.bind(run, workspace, null, listener());

            Path file = Path.of(env.getPublicValues().get("KUBECONFIG"));
            Path tokenFile = file.resolveSibling(TokenRenewals.TOKEN);
            String first = env.getSecretValues().get("KUBE_TOKEN");
            long end = System.currentTimeMillis() + 20_000;
            while (Files.readString(tokenFile).equals(first) && System.currentTimeMillis() < end) {
                Thread.sleep(100);
            }
            String renewed = Files.readString(tokenFile);
            assertTrue(renewed.startsWith("k8s-aws-v1.") && !renewed.equals(first), "the token was renewed");
            assertFalse(env.getSecretValues().containsValue(renewed), "withCredentials does not know the renewed token");
            TaskListenerDecorator decorator = factory.of(owner("migrate/shop#7"));
            assertEquals(null, factory.of(owner("other/job#1")), "another build's log is not touched");
            TaskListenerDecorator onAgent = (TaskListenerDecorator) ClassFilterChannel.roundTrip(decorator, "the decorator");
            String printed = "+ cat " + file + "\n" + Files.readString(file) + "\ntoken: " + renewed + " (renewed)\n";

            for (TaskListenerDecorator d : List.of(decorator, onAgent)) {
                ByteArrayOutputStream stepLog = new ByteArrayOutputStream();
                try (OutputStream out = d.decorate(stepLog)) {
                    byte[] bytes = printed.getBytes(StandardCharsets.UTF_8);
                    int cut = printed.indexOf(renewed) + 20; // a write that ends inside the token
                    out.write(bytes, 0, cut);
                    out.write(bytes, cut, bytes.length - cut);
                }
                String shown = stepLog.toString(StandardCharsets.UTF_8);
                assertFalse(shown.contains("k8s-aws-v1."), shown);
                assertTrue(shown.contains("token: **** (renewed)") && shown.contains("+ cat " + file), shown);
            }

            env.getUnbinder().unbind(run, workspace, null, listener());

            assertEquals(null, factory.of(owner("migrate/shop#7")), "steps after the block are not decorated");
        }
    }

    /**
     * A controller restart while the block runs: the renewal timer is gone, the unbinder is read back with the
     * Pipeline program. What it saved names the build, the credential and the cluster but holds no token; read back,
     * it renews at once (the last token may have expired meanwhile), keeps the log masked, and stops with the block.
     */
    @Test
    void renewalStartsAgainWhenTheUnbinderIsReadBackAfterARestart() throws Exception {
        MockCluster cluster = MockCluster.sharedShop();
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            eksApi.apiServer(cluster.url(), cluster.certificateAuthority());
            StepCredentials store = store("aws-prod", StepCredentialsTestSupport.awsCredential());
            EksKubeconfigBinding binding = new EksKubeconfigBinding("aws-prod", "shop-prod", "us-east-1").withCredentials(store);
            binding.renewal = Duration.ofMinutes(5);
            FilePath workspace = workspace();
            Run<?, ?> run = run(new EnvVars("AWS_ENDPOINT_URL_EKS", eksApi.uri().toString()));
            when(run.getExternalizableId()).thenReturn("migrate/shop#8");
            MultiBinding.MultiEnvironment env = binding.bind(run, workspace, null, listener());
            Path file = Path.of(env.getPublicValues().get("KUBECONFIG"));
            Path tokenFile = file.resolveSibling(TokenRenewals.TOKEN);
            String name = file.getParent().getFileName().toString();
            String first = env.getSecretValues().get("KUBE_TOKEN");

            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ProgramOutput(saved)) {
                out.writeObject(env.getUnbinder());
            }
            TokenRenewals.stop(name); // the restart: the timer was in memory
            assertFalse(new EksTokenMasking().of(owner("migrate/shop#8")) != null, "nothing renews before the program is read");
            String bytes = saved.toString(StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("k8s-aws-v1.") || bytes.contains(first.substring(11, 40)), "the saved unbinder holds no token");
            assertTrue(bytes.contains("aws-prod") && bytes.contains("shop-prod") && bytes.contains("migrate/shop#8"));

            KubeconfigFiles.Delete restored;
            try (ObjectInputStream in = new ProgramInput(new ByteArrayInputStream(saved.toByteArray()))) {
                restored = (KubeconfigFiles.Delete) in.readObject();
            }
            assertTrue(TokenRenewals.running(name), "reading the unbinder back starts the renewals again");
            TokenRenewals.stop(name); // here Jenkins' own lookup cannot run: resume with the test's credentials instead
            Thread.sleep(1100); // a presigned token changes with the second it is signed in
            restored.resume(new EksTokenRenewal.Lookup() {
                @Override
                public Run<?, ?> run(String build) {
                    assertEquals("migrate/shop#8", build);
                    return run;
                }

                @Override
                public StepCredentials credentials() {
                    return store;
                }
            });

            long end = System.currentTimeMillis() + 20_000;
            while (Files.readString(tokenFile).equals(first) && System.currentTimeMillis() < end) {
                Thread.sleep(100);
            }
            String renewed = Files.readString(tokenFile);
            assertTrue(renewed.startsWith("k8s-aws-v1.") && !renewed.equals(first), "renewed at once, not a period later");
            assertTrue(Files.readString(file).contains(renewed) && !Files.readString(file).contains(first), "the kubeconfig holds the new token");
            assertTrue(new EksTokenMasking().of(owner("migrate/shop#8")) != null, "the build's steps mask EKS tokens again");
            try (KubernetesClient client = KubernetesClients.fromKubeconfig(file, null, Duration.ofSeconds(10))) {
                assertFalse(client.namespaces().list().getItems().isEmpty());
            }

            restored.unbind(run, workspace, null, listener());

            assertFalse(TokenRenewals.running(name), "the block's end stops the resumed renewals");
            assertFalse(Files.exists(file.getParent()));
        }
    }

    /** A FilePath as workflow-support's FilePathPickle saves it in program.dat: where it is, not a live handle. */
    private record PickledPath(String path) implements java.io.Serializable {
    }

    /** Writes as program.dat does, FilePaths pickled. */
    private static final class ProgramOutput extends ObjectOutputStream {
        ProgramOutput(OutputStream out) throws java.io.IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return obj instanceof FilePath path ? new PickledPath(path.getRemote()) : obj;
        }
    }

    /** Reads program.dat back, the pickled FilePaths live again (here on this JVM; in Jenkins once the agent is back). */
    private static final class ProgramInput extends ObjectInputStream {
        ProgramInput(java.io.InputStream in) throws java.io.IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) {
            return obj instanceof PickledPath pickled ? new FilePath(new java.io.File(pickled.path())) : obj;
        }
    }

    private static FlowExecutionOwner owner(String build) {
        FlowExecutionOwner owner = mock(FlowExecutionOwner.class);
        when(owner.getExternalizableId()).thenReturn(build);
        return owner;
    }

    @Test
    void anUnknownClusterFailsWithOneMaskedLine() throws Exception {
        try (EksApiStandIn eksApi = new EksApiStandIn("shop-prod")) {
            EksKubeconfigBinding binding = new EksKubeconfigBinding("aws-prod", "nope", "us-east-1")
                    .withCredentials(store("aws-prod", StepCredentialsTestSupport.awsCredential()));
            AbortException e = assertThrows(AbortException.class, () -> binding.bind(
                    run(new EnvVars("AWS_ENDPOINT_URL_EKS", eksApi.uri().toString())), workspace(), null, listener()));
            assertTrue(e.getMessage().startsWith("eksKubeconfig: EKS cluster 'nope' was not found in region 'us-east-1'"), e.getMessage());
        }
        AbortException missing = assertThrows(AbortException.class,
                () -> new EksKubeconfigBinding("aws-prod", " ", null).bind(run(new EnvVars()), workspace(), null, listener()));
        assertEquals("eksKubeconfig: 'cluster' is required: the EKS cluster name", missing.getMessage());
    }

    @Test
    void aksKubeconfigReplacesKubeloginWithAnEntraTokenAndBindsTheAdminKeysAsSecretsWhenAsked() throws Exception {
        TokenCredential entra = request -> Mono.just(new AccessToken(request.getScopes().contains(AksKubeconfig.AKS_SERVER_APP_ID + "/.default")
                ? "entra-token-for-aks" : "arm-token", OffsetDateTime.now().plusHours(1)));
        EnvVars env = new EnvVars("AZURE_CLIENT_ID", "client", "AZURE_CLIENT_SECRET", "azure-client-secret-value", "AZURE_TENANT_ID", "tenant",
                "AZURE_SUBSCRIPTION_ID", "00000000-0000-0000-0000-000000000001");
        try (ArmAksStandIn arm = new ArmAksStandIn("rg-shop", "shop-aks")) {
            arm.access(true, true);
            AksKubeconfigBinding.Maker maker = (settings, rg, name, admin, events) -> new AksKubeconfig(
                    AksClients.containerService(new io.jenkins.plugins.eks2aks.clusters.AzureSettings(entra, settings.credentialSource(),
                            settings.subscriptionId(), arm.uri()), arm.httpClient()), entra, settings.credentialSource(), Duration.ofSeconds(10))
                    .create(rg, name, admin, events);
            FilePath workspace = workspace();

            MultiBinding.MultiEnvironment user = new AksKubeconfigBinding(null, "rg-shop", "shop-aks").with(store("x", null), maker)
                    .bind(run(env), workspace, null, listener());

            assertEquals(Map.of("KUBE_TOKEN", "entra-token-for-aks"), user.getSecretValues());
            String yaml = Files.readString(Path.of(user.getPublicValues().get("KUBECONFIG")));
            assertTrue(yaml.contains("token: entra-token-for-aks") && !yaml.contains("kubelogin"), yaml);

            AksKubeconfigBinding adminBinding = new AksKubeconfigBinding(null, "rg-shop", "shop-aks").with(store("x", null), maker);
            adminBinding.setAdmin(true);
            adminBinding.setVariable("AKS_KUBECONFIG");
            MultiBinding.MultiEnvironment admin = adminBinding.bind(run(env), workspace, null, listener());

            assertEquals(Map.of("KUBE_TOKEN", ArmAksStandIn.LOCAL_TOKEN, "KUBE_TOKEN_2", ArmAksStandIn.CLIENT_KEY_DATA), admin.getSecretValues());
            assertTrue(adminBinding.variables().containsAll(admin.getSecretValues().keySet()));
            assertEquals(Set.of("AKS_KUBECONFIG"), admin.getPublicValues().keySet());
            user.getUnbinder().unbind(run(env), workspace, null, listener());
            admin.getUnbinder().unbind(run(env), workspace, null, listener());
            try (var left = Files.list(root.resolve("job@tmp").resolve(KubeconfigFiles.FOLDER))) {
                assertEquals(0, left.count());
            }
        }
    }

    @Test
    void withoutARegionEksKubeconfigAsksForItsRegionParameter() {
        EksKubeconfigBinding binding = new EksKubeconfigBinding("aws-prod", "shop-prod", null)
                .withCredentials(store("aws-prod", StepCredentialsTestSupport.awsCredential()));
        AbortException e = assertThrows(AbortException.class, () -> binding.bind(
                run(new EnvVars()), workspace(), null, listener()));
        assertEquals("eksKubeconfig: No AWS region: give 'region' or set AWS_REGION", e.getMessage());
    }

    @Test
    void withoutASubscriptionAksKubeconfigAsksForItsSubscriptionParameter() {
        EnvVars env = new EnvVars("AZURE_CLIENT_ID", "client", "AZURE_CLIENT_SECRET", "azure-client-secret-value", "AZURE_TENANT_ID", "tenant");
        AksKubeconfigBinding binding = new AksKubeconfigBinding(null, "rg-shop", "shop-aks").with(store("x", null),
                (settings, rg, name, admin, events) -> {
                    throw new AssertionError("no kubeconfig is made without a subscription");
                });
        AbortException e = assertThrows(AbortException.class, () -> binding.bind(run(env), workspace(), null, listener()));
        assertEquals("aksKubeconfig: No Azure subscription: give 'subscription' or set AZURE_SUBSCRIPTION_ID", e.getMessage());
    }

    @Test
    void bothBindingsHaveTheirSymbols() {
        assertArrayEquals(new String[] {"eksKubeconfig"}, EksKubeconfigBinding.DescriptorImpl.class.getAnnotation(Symbol.class).value());
        assertArrayEquals(new String[] {"aksKubeconfig"}, AksKubeconfigBinding.DescriptorImpl.class.getAnnotation(Symbol.class).value());
        assertTrue(new EksKubeconfigBinding.DescriptorImpl().requiresWorkspace());
        assertEquals(AksKubeconfigBinding.class, new AksKubeconfigBinding.DescriptorImpl().clazz);
    }
}
