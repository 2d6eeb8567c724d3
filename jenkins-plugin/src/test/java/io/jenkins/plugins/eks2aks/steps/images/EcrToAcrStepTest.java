package io.jenkins.plugins.eks2aks.steps.images;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.ClassFilterChannel;
import io.jenkins.plugins.eks2aks.steps.RestartedContext;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The step with a mocked StepContext, a real workspace, and two real registries on loopback (copy mode). */
class EcrToAcrStepTest {

    @RegisterExtension
    static final DockerRegistryExtension SOURCE = DockerRegistryExtension.anonymous();
    @RegisterExtension
    static final DockerRegistryExtension TARGET = DockerRegistryExtension.anonymous();

    private static final String SECRET = "not-a-real-secret-0f9e8d7c";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String digest;

    @TempDir
    Path workspace;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void pushAnImageToTheSource() throws Exception {
        DockerRegistry registry = SOURCE.get();
        byte[] layerBytes = "layer of the web image".getBytes(StandardCharsets.UTF_8);
        byte[] configBytes = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        String layer = pushBlob(registry, "shop/web", layerBytes);
        String config = pushBlob(registry, "shop/web", configBytes);
        String manifest = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
                 "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},
                 "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}]}"""
                .formatted(config, configBytes.length, layer, layerBytes.length);
        byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/v2/shop/web/manifests/1.8.2"))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put.body());
        digest = sha256(bytes);
    }

    private StepContext context(EnvVars env) throws Exception {
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        StepContext context = mock(StepContext.class);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FilePath.class)).thenReturn(ClassFilterChannel.workspace(workspace));
        when(context.get(EnvVars.class)).thenReturn(env);
        when(context.get(Run.class)).thenReturn(mock(Run.class));
        return context;
    }

    private EcrToAcrStep step(String images) {
        EcrToAcrStep step = new EcrToAcrStep(TARGET.get().hostPort() + "/migrated");
        step.setImages(images);
        step.setMode("copy");
        step.setPlainHttp(SOURCE.get().hostPort() + "," + TARGET.get().hostPort());
        return step;
    }

    @Test
    void copiesTheImageDigestExactAndNeverWritesTheCredentials() throws Exception {
        EnvVars env = new EnvVars("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_REGION", "us-east-1");
        StepContext context = context(env);
        Map<String, Object> result = ((EcrToAcrExecution) step(SOURCE.get().hostPort() + "/shop/web:1.8.2").start(context)).run();

        assertEquals(1, count(result, "copied"), result.toString());
        assertEquals(0, count(result, "failed"));
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(TARGET.get().baseUrl() + "/v2/migrated/shop/web/manifests/1.8.2"))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(digest, head.headers().firstValue("Docker-Content-Digest").orElse(""));
        String mapping = Files.readString(workspace.resolve("eks2aks/images/image-mapping.json"));
        assertTrue(mapping.contains(digest), mapping);
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("AWS credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"), text);
        assertFalse(text.contains(SECRET), "the log never shows the secret key");
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(SECRET), file + " holds the secret key");
            }
        }
    }

    @Test
    void whatTheEngineWritesOnTheAgentIsMaskedOverTheResolvedSecrets() throws Exception {
        // An image whose name happens to hold the secret key: the engine names it in the log and in the failure.
        EnvVars env = new EnvVars("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_REGION", "us-east-1");
        EcrToAcrStep step = step(SOURCE.get().hostPort() + "/shop/" + SECRET + ":1");
        step.setFailFast(false);

        Map<String, Object> result = ((EcrToAcrExecution) step.start(context(env))).run();

        assertEquals(1, count(result, "failed"));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("/shop/****:1"), text);
        assertFalse(text.contains(SECRET), text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resume(byte[] persisted, String id) throws Exception {
        return (Map<String, Object>) RestartedContext.resume(persisted, id, (EcrToAcrExecution e) -> e.resumedWorker());
    }

    @Test
    void afterAControllerRestartTheCopyResumesFromItsPersistedParametersAndSkipsWhatTheTargetHolds() throws Exception {
        EcrToAcrStep step = new EcrToAcrStep(TARGET.get().hostPort() + "/resumed");
        step.setImages(SOURCE.get().hostPort() + "/shop/web:1.8.2");
        step.setMode("copy");
        step.setPlainHttp(SOURCE.get().hostPort() + "," + TARGET.get().hostPort());
        step.setAwsCredentialsId("");
        byte[] bytes = RestartedContext.persist(step.start(new RestartedContext(workspace, "first")));
        String persisted = new String(bytes, StandardCharsets.ISO_8859_1);
        assertFalse(persisted.contains("EcrToAcrStep;") || persisted.contains("StepCredentials"), "only plain values are persisted");
        assertTrue(persisted.contains("/shop/web:1.8.2"), "the parameters are");
        io.jenkins.plugins.eks2aks.steps.inventory.BufferListener.BUFFER.reset();

        Map<String, Object> first = resume(bytes, "first");
        Map<String, Object> again = resume(bytes.clone(), "first");

        assertEquals(1, count(first, "copied"), first.toString());
        assertEquals(0, count(again, "copied"), again.toString());
        assertEquals(1, count(again, "unchanged"), "the second resume finds the image at the target: " + again);
        assertTrue(io.jenkins.plugins.eks2aks.steps.inventory.BufferListener.BUFFER.toString(StandardCharsets.UTF_8)
                .contains("[images] resumed after a controller restart"));
    }

    @Test
    void aMissingImageFailsTheStepUnlessFailFastIsOff() throws Exception {
        String images = SOURCE.get().hostPort() + "/shop/web:1.8.2\n" + SOURCE.get().hostPort() + "/shop/nope:1";
        AbortException e = assertThrows(AbortException.class, () -> ((EcrToAcrExecution) step(images).start(context(new EnvVars()))).run());
        assertTrue(e.getMessage().startsWith("ecrToAcr: 1 images failed"), e.getMessage());

        EcrToAcrStep lenient = step(images);
        lenient.setFailFast(false);
        StepContext context = context(new EnvVars());
        Map<String, Object> result = ((EcrToAcrExecution) lenient.start(context)).run();
        assertEquals(1, count(result, "failed"));
        verify(context).setResult(Result.UNSTABLE);
    }

    @Test
    void theTargetAndSomeImagesAreRequired() {
        assertThrows(AbortException.class, () -> ((EcrToAcrExecution) new EcrToAcrStep(" ").start(context(new EnvVars()))).run());
        EcrToAcrStep noImages = new EcrToAcrStep("contoso.azurecr.io");
        AbortException e = assertThrows(AbortException.class, () -> ((EcrToAcrExecution) noImages.start(context(new EnvVars()))).run());
        assertTrue(e.getMessage().contains("give 'images'"), e.getMessage());
    }

    static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            -                                   | 1\\..*  | 0  | false | ecrToAcr: 'tagPattern' chooses tags of the 'repositories' selections: give 'repositories'
            -                                   | -       | 2  | false | ecrToAcr: 'newestTags' chooses tags of the 'repositories' selections: give 'repositories'
            -                                   | -       | 0  | true  | ecrToAcr: 'allTags' chooses tags of the 'repositories' selections: give 'repositories'
            R/shop/*                            | -       | 2  | true  | ecrToAcr: 'newestTags' and 'allTags' exclude each other: give one of them
            R/shop/*                            | -       | -1 | false | ecrToAcr: invalid 'newestTags' -1: must be 1 or more (0 for no limit)
            R/shop/*                            | 1.[0-9  | 0  | false | ecrToAcr: Invalid tag pattern '1.[0-9': Unclosed character class at index 5
            shop/*                              | -       | 0  | false | ecrToAcr: Invalid repository selection 'shop/*': 'shop' is not a registry host
            "R/shop/*,R/shop/web:1.0"           | -       | 0  | false | ecrToAcr: Invalid repository selection 'R/shop/web:1.0': a selection names repositories
            """)
    void selectionParametersAreCheckedOnTheControllerBeforeAnAgentIsUsed(String repositories, String tagPattern, int newest,
                                                                         boolean all, String message) throws Exception {
        EcrToAcrStep step = new EcrToAcrStep("contoso.azurecr.io");
        step.setImages(ECR + "/shop/web:1.0");
        step.setRepositories(repositories == null ? null : repositories.replace("R/", ECR + "/"));
        step.setTagPattern(tagPattern);
        step.setNewestTags(newest);
        step.setAllTags(all);
        StepContext context = context(new EnvVars());

        AbortException e = assertThrows(AbortException.class, () -> ((EcrToAcrExecution) step.start(context)).run());

        assertTrue(e.getMessage().startsWith(message.replace("R/", ECR + "/")), e.getMessage());
        verify(context, never()).get(FilePath.class);
    }

    @Test
    void repositoriesAloneAreEnoughAndAnyRegistryIsListedThroughItsApi() throws Exception {
        EcrToAcrStep step = step(null);
        step.setRepositories(SOURCE.get().hostPort() + "/shop/*\n" + SOURCE.get().hostPort() + "/shop/web\n" + SOURCE.get().hostPort() + "/none/*");
        step.setNewestTags(2);
        step.setDryRun(true);
        step.setFailFast(false);
        StepContext context = context(new EnvVars());

        Map<String, Object> result = ((EcrToAcrExecution) step.start(context)).run();

        assertEquals(1, count(result, "planned"), "shop/web:1.8.2, named twice, planned once: " + result);
        assertEquals(1, count(result, "failed"), result.toString());
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Selection " + SOURCE.get().hostPort() + "/shop/* (newest 2 tags) matched 1 repository, 1 tag"), text);
        assertTrue(text.contains(SOURCE.get().hostPort() + "/none/*: no repository in " + SOURCE.get().hostPort() + " starts with 'none/'"), text);
        verify(context).setResult(Result.UNSTABLE);
    }

    @Test
    void selectionParametersAreTrimmedAndDefaultToNoTagRule() {
        EcrToAcrStep step = new EcrToAcrStep("contoso.azurecr.io");
        assertEquals(0, step.getNewestTags());
        assertFalse(step.isAllTags());
        step.setRepositories("  " + ECR + "/shop/*\n ");
        step.setTagPattern("  ");
        assertEquals(ECR + "/shop/*", step.getRepositories());
        assertEquals(null, step.getTagPattern());
    }

    @Test
    void theDescriptorNamesTheStep() {
        assertEquals("ecrToAcr", new EcrToAcrStep.DescriptorImpl().getFunctionName());
        assertEquals("Migrate ECR images to ACR", new EcrToAcrStep.DescriptorImpl().getDisplayName());
    }

    private static int count(Map<String, Object> result, String key) {
        return ((Number) result.get(key)).intValue();
    }

    private static String pushBlob(DockerRegistry registry, String repo, byte[] content) throws IOException, InterruptedException {
        HttpResponse<Void> start = HTTP.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/v2/" + repo + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        String location = start.headers().firstValue("Location").orElseThrow();
        URI upload = URI.create(registry.baseUrl()).resolve(location);
        String d = sha256(content);
        String sep = upload.toString().contains("?") ? "&" : "?";
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + d))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put.body());
        return d;
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
