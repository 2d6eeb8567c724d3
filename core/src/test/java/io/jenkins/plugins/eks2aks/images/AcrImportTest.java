package io.jenkins.plugins.eks2aks.images;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.containerregistry.ContainerRegistryManager;
import com.azure.resourcemanager.containerregistry.fluent.RegistriesClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.azure.core.credential.TokenRequestContext;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.clusters.CloudAuthenticationException;
import io.jenkins.plugins.eks2aks.images.acr.AcrEntraCredentials;
import io.jenkins.plugins.eks2aks.images.acr.AcrImportSettings;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.ecr.EcrCredentials;
import io.jenkins.plugins.eks2aks.images.ecr.EcrStandIn;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.images.registry.RetryPolicy;
import io.jenkins.plugins.eks2aks.images.registry.UrlConnectionTransport;
import io.jenkins.plugins.eks2aks.migrate.MigrateOptions;
import io.jenkins.plugins.eks2aks.standins.EntraStandIn;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import mode: the real Azure SDK against an ARM stand-in (202 + Azure-AsyncOperation polling), the real AWS SDK
 * against an ECR stand-in for the source credentials, real registries for source ("ECR") and target ("ACR").
 */
class AcrImportTest {

    @RegisterExtension
    static final DockerRegistryExtension ECR = DockerRegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerRegistryExtension ACR = DockerRegistryExtension.anonymous();

    static EcrStandIn ecrApi;
    static EcrClient ecrClient;
    static ArmStandIn arm;

    @BeforeAll
    static void standIns() throws Exception {
        // ECR hands out the source registry's real credentials, in GetAuthorizationToken's shape.
        ecrApi = new EcrStandIn(ECR.get().username(), ECR.get().password(), Clock.systemUTC(), Duration.ofHours(12));
        ecrClient = EcrClient.builder().region(Region.US_EAST_1).endpointOverride(ecrApi.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build();
        arm = new ArmStandIn("contoso", ACR.get().hostPort());
    }

    @AfterAll
    static void stop() {
        arm.close();
        ecrClient.close();
        ecrApi.close();
    }

    private static ImageMigrationRequest request(List<String> images, String registryName) {
        RegistriesClient registries = ContainerRegistryManager.authenticate(new HttpPipelineBuilder().build(),
                new AzureProfile("tenant", "sub", new AzureEnvironment(Map.of("resourceManagerEndpointUrl", arm.endpoint()))))
                .serviceClient().getRegistries();
        AcrImportSettings acr = new AcrImportSettings(registries, "rg-aks", registryName, Duration.ofMillis(50), Duration.ofMinutes(1), 3);
        CredentialsProvider ecr = EcrCredentials.forHost(ecrClient, ECR.get().hostPort());
        RegistryAccess access = new RegistryAccess(ecr, CredentialsProvider.ANONYMOUS, Set.of(ECR.get().hostPort(), ACR.get().hostPort()),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1)), RegistryAccess.DEFAULT_CHUNK_SIZE);
        return new ImageMigrationRequest(images, ACR.get().hostPort(), MigrationMode.IMPORT, 3, false, false, false, access, acr, null);
    }

    @Test
    void importsEachImageByDigestWithTheEcrTokenPollsInParallelAndVerifiesTheTag() throws Exception {
        TestImages images = new TestImages(RegistryApi.of(ECR.get()));
        List<TestImages.Pushed> pushed = new ArrayList<>();
        pushed.add(images.image("shop/web", "1.0", false, "linux/amd64", TestImages.layer(8 * 1024, 1)));
        pushed.add(images.image("shop/api", "2.0", true, "linux/amd64", TestImages.layer(8 * 1024, 2)));
        pushed.add(images.index("shop/multi", "3.0", true, List.of("linux/amd64", "linux/arm64"), 4 * 1024, 3));
        String src = ECR.get().hostPort();
        int tokensBefore = ecrApi.calls();
        int requestsBefore = arm.requests().size();

        ImageMigrationSummary summary = new ImageMigration(e -> { }).run(request(
                List.of(src + "/shop/web:1.0", src + "/shop/api:2.0", src + "/shop/multi:3.0"), "contoso"));

        assertEquals(3, summary.count(ImageStatus.IMPORTED), summary.oneLine() + " " + summary.results());
        assertEquals(0, summary.bytes(), "no bytes through the agent");
        RegistryApi acr = RegistryApi.of(ACR.get());
        String[][] tags = {{"shop/web", "1.0"}, {"shop/api", "2.0"}, {"shop/multi", "3.0"}};
        for (int i = 0; i < 3; i++) {
            assertEquals(pushed.get(i).digest(), acr.digest(tags[i][0], tags[i][1]).orElseThrow(), tags[i][0]);
            assertEquals(pushed.get(i).digest(), summary.results().get(i).refs().digest());
        }
        for (JsonNode r : arm.requests().subList(requestsBefore, arm.requests().size())) {
            assertEquals("NoForce", r.path("mode").asText());
            assertEquals(src, r.path("source").path("registryUri").asText());
            assertTrue(r.path("source").path("sourceImage").asText().matches("shop/\\w+@sha256:[a-f0-9]{64}"), r.toString());
            assertEquals(ECR.get().password(), r.path("source").path("credentials").path("password").asText(), "the ECR token's password");
        }
        assertEquals(1, ecrApi.calls() - tokensBefore, "one ECR token serves the whole batch while it is valid");
        assertTrue(arm.maxRunning() >= 2, "imports ran and were polled in parallel: " + arm.maxRunning());
        assertTrue(arm.polls() >= 3, "the operations were polled: " + arm.polls());

        ImageMigrationSummary again = new ImageMigration(e -> { }).run(request(List.of(src + "/shop/web:1.0"), "contoso"));
        assertEquals(ImageStatus.UNCHANGED, again.results().get(0).outcome().status(), "a tag already at the digest is not imported again");
    }

    @Test
    void aFailedImportIsRetriedAndAnUnknownRegistryFailsWithArmsErrorInOneLine() throws Exception {
        TestImages.Pushed pushed = new TestImages(RegistryApi.of(ECR.get())).image("retry/app", "1", true, "linux/amd64", TestImages.layer(4 * 1024, 9));
        arm.failFirstImportOf("retry/app@" + pushed.digest());
        String ref = ECR.get().hostPort() + "/retry/app:1";

        ImageMigrationSummary summary = new ImageMigration(e -> { }).run(request(List.of(ref), "contoso"));
        new TestImages(RegistryApi.of(ECR.get())).image("retry/other", "1", true, "linux/amd64", TestImages.layer(4 * 1024, 10));
        ImageMigrationSummary missing = new ImageMigration(e -> { }).run(request(List.of(ECR.get().hostPort() + "/retry/other:1"), "nosuchacr"));

        assertEquals(ImageStatus.IMPORTED, summary.results().get(0).outcome().status(), summary.results().get(0).outcome().error());
        assertEquals(1, summary.results().get(0).transfer().retries());
        assertEquals(pushed.digest(), RegistryApi.of(ACR.get()).digest("retry/app", "1").orElseThrow());
        ImageResult failed = missing.results().get(0);
        assertEquals(ImageStatus.FAILED, failed.outcome().status());
        assertTrue(failed.outcome().error().startsWith("ACR import into nosuchacr failed: ResourceNotFound: The Resource "
                + "'Microsoft.ContainerRegistry/registries/nosuchacr' under resource group 'rg-aks' was not found."), failed.outcome().error());
        assertEquals(0, failed.transfer().retries(), "a refused request is not repeated");
    }

    @Test
    void aFailedImportReportsArmsOperationErrorAndADeterministicOneIsNotRepeated() throws Exception {
        TestImages images = new TestImages(RegistryApi.of(ECR.get()));
        TestImages.Pushed refused = images.image("fail/refused", "1", true, "linux/amd64", TestImages.layer(2 * 1024, 21));
        TestImages.Pushed flaky = images.image("fail/flaky", "1", true, "linux/amd64", TestImages.layer(2 * 1024, 22));
        arm.failEveryImportOf("fail/refused@" + refused.digest(), "InvalidParameters",
                "Operation registries-import failed. Source image not found in the source registry.");
        arm.failEveryImportOf("fail/flaky@" + flaky.digest(), "InternalServerError", "An internal error occurred.");
        String src = ECR.get().hostPort();

        ImageMigrationSummary summary = new ImageMigration(e -> { }).run(request(List.of(src + "/fail/refused:1", src + "/fail/flaky:1"), "contoso"));

        ImageResult deterministic = summary.results().get(0);
        assertEquals(ImageStatus.FAILED, deterministic.outcome().status());
        assertEquals("ACR import into contoso failed: InvalidParameters: Operation registries-import failed. Source image not found in "
                + "the source registry.", deterministic.outcome().error());
        assertEquals(1, arm.importsOf("fail/refused@" + refused.digest()), "a refused import is not repeated");
        assertEquals(0, deterministic.transfer().retries());
        ImageResult transientFailure = summary.results().get(1);
        assertEquals("ACR import into contoso failed after 3 attempts: InternalServerError: An internal error occurred.",
                transientFailure.outcome().error());
        assertEquals(3, arm.importsOf("fail/flaky@" + flaky.digest()));
        assertEquals(2, transientFailure.transfer().retries(), "the report counts the repeated imports");
    }

    @Test
    void aTargetTagHoldingAnotherDigestIsReportedBeforeArmIsCalledAndForceReplacesIt() throws Exception {
        TestImages.Pushed source = new TestImages(RegistryApi.of(ECR.get())).image("held/app", "1", true, "linux/amd64", TestImages.layer(2 * 1024, 31));
        TestImages.Pushed other = new TestImages(RegistryApi.of(ACR.get())).image("held/app", "1", false, "linux/amd64", TestImages.layer(2 * 1024, 32));
        String ref = ECR.get().hostPort() + "/held/app:1";

        ImageMigrationSummary refused = new ImageMigration(e -> { }).run(request(List.of(ref), "contoso"));

        ImageResult r = refused.results().get(0);
        assertEquals(ImageStatus.FAILED, r.outcome().status());
        assertEquals(ACR.get().hostPort() + "/held/app:1 already holds " + other.digest() + " (the source is " + source.digest()
                + "); ACR import does not replace a tag: overwrite it with --force", r.outcome().error());
        ImageResult inAStep = new ImageMigration(e -> { }).run(request(List.of(ref), "contoso").withForceName("'force'")).results().get(0);
        assertTrue(inAStep.outcome().error().endsWith("ACR import does not replace a tag: overwrite it with 'force'"),
                "the ecrToAcr step's parameter: " + inAStep.outcome().error());
        ImageResult inMigrate = new ImageMigration(e -> { }).run(request(List.of(ref), "contoso")
                .withForceName(MigrateOptions.Names.CLI.copyImages().force())).results().get(0);
        assertTrue(inMigrate.outcome().error().endsWith("ACR import does not replace a tag: overwrite it with eks2aks copy-images "
                + "--force (migrate never replaces a tag)"), "migrate has no force option: " + inMigrate.outcome().error());
        assertEquals(0, arm.importsOf("held/app@" + source.digest()), "ARM was not called");
        assertEquals(other.digest(), RegistryApi.of(ACR.get()).digest("held/app", "1").orElseThrow());

        ImageMigrationRequest base = request(List.of(ref), "contoso");
        ImageMigrationSummary forced = new ImageMigration(e -> { }).run(new ImageMigrationRequest(base.images(), base.target(),
                MigrationMode.IMPORT, 3, false, true, false, base.access(), base.acrImport(), null));

        assertEquals(ImageStatus.IMPORTED, forced.results().get(0).outcome().status(), forced.results().get(0).outcome().error());
        assertEquals("Force", arm.requests().get(arm.requests().size() - 1).path("mode").asText());
        assertEquals(source.digest(), RegistryApi.of(ACR.get()).digest("held/app", "1").orElseThrow());
    }

    @Test
    void awsRefusingTheSourceCredentialsStopsTheRunInOneLineAfterWritingTheReportsOfWhatMoved(@TempDir Path out) throws Exception {
        new TestImages(RegistryApi.of(ACR.get())).image("done/app", "1", true, "linux/amd64", TestImages.layer(2 * 1024, 41));
        new TestImages(RegistryApi.of(ECR.get())).image("refused/a", "1", true, "linux/amd64", TestImages.layer(2 * 1024, 42));
        new TestImages(RegistryApi.of(ECR.get())).image("refused/b", "1", true, "linux/amd64", TestImages.layer(2 * 1024, 43));
        try (EcrStandIn rejecting = new EcrStandIn("AWS", "unused", Clock.systemUTC(), Duration.ofHours(12)).rejectCredentials();
             EcrClient client = EcrClient.builder().region(Region.US_EAST_1).endpointOverride(rejecting.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWRONG", "wrong-secret"))).build()) {
            CredentialsProvider sources = EcrCredentials.forHost(client, ECR.get().hostPort(), "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
            RegistryAccess access = new RegistryAccess(sources, CredentialsProvider.ANONYMOUS, Set.of(ECR.get().hostPort(), ACR.get().hostPort()),
                    new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1)), RegistryAccess.DEFAULT_CHUNK_SIZE);
            String ecr = ECR.get().hostPort();
            ImageMigrationRequest request = new ImageMigrationRequest(List.of(ACR.get().hostPort() + "/done/app:1", ecr + "/refused/a:1",
                    ecr + "/refused/b:1"), ACR.get().hostPort() + "/mirror", MigrationMode.COPY, 1, false, false, false, access, null, out);

            CloudAuthenticationException e = assertThrows(CloudAuthenticationException.class, () -> new ImageMigration(ev -> { }).run(request));

            assertEquals("AWS ECR in us-east-1 (" + rejecting.endpoint() + ") rejected the credentials from "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (UnrecognizedClientException): check the access key pair", e.getMessage());
            assertEquals(1, rejecting.calls("GetAuthorizationToken"), "a refused key is not presented again for the next image");
            String report = Files.readString(out.resolve("image-report.json"));
            assertTrue(report.contains("\"COPIED\""), "what moved before the refusal is reported: " + report);
            assertTrue(report.contains("not attempted: AWS ECR in us-east-1"), report);
            assertTrue(Files.exists(out.resolve("image-mapping.json")));
            assertTrue(RegistryApi.of(ACR.get()).digest("mirror/done/app", "1").isPresent());
        }
    }

    @Test
    void entraRefusingTheTargetCredentialStopsTheRunInOneLine(@TempDir Path out) throws Exception {
        new TestImages(RegistryApi.of(ACR.get())).image("entra/app", "1", true, "linux/amd64", TestImages.layer(2 * 1024, 51));
        new TestImages(RegistryApi.of(ACR.get())).image("entra/other", "1", true, "linux/amd64", TestImages.layer(2 * 1024, 52));
        try (EntraStandIn entra = new EntraStandIn("tenant-1", "client-1", "right-secret")) {
            AzureSettings azure = AzureSettings.resolve(Map.of("AZURE_CLIENT_ID", "client-1", "AZURE_CLIENT_SECRET", "wrong-secret",
                    "AZURE_TENANT_ID", "tenant-1", "AZURE_AUTHORITY_HOST", entra.authorityHost()), null, "sub", entra.httpClient(), "--subscription");
            TokenRequestContext scope = new TokenRequestContext().addScopes("https://management.azure.com/.default");
            // The "ACR" is the basic-auth registry: it challenges, so the target's credentials are asked for.
            CredentialsProvider target = new AcrEntraCredentials(ECR.get().hostPort(), "tenant-1",
                    () -> azure.credential().getTokenSync(scope).getToken(), UrlConnectionTransport.forRegistries(), true, Clock.systemUTC());
            RegistryAccess access = new RegistryAccess(CredentialsProvider.ANONYMOUS, target, Set.of(ECR.get().hostPort(), ACR.get().hostPort()),
                    new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1)), RegistryAccess.DEFAULT_CHUNK_SIZE);
            String acr = ACR.get().hostPort();
            ImageMigrationRequest request = new ImageMigrationRequest(List.of(acr + "/entra/app:1", acr + "/entra/other:1"),
                    ECR.get().hostPort() + "/entra-mirror", MigrationMode.COPY, 2, false, false, false, access, null, out);

            CloudAuthenticationException e = assertThrows(CloudAuthenticationException.class, () -> new ImageMigration(ev -> { }).run(request));

            assertTrue(e.getMessage().startsWith("Entra ID at " + entra.authorityHost() + "tenant-1 rejected the credential from "
                    + "AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID: AADSTS7000215: Invalid client secret provided."), e.getMessage());
            assertEquals(1, entra.tokenRequests(), "Entra ID is asked once for the whole batch");
            assertTrue(Files.readString(out.resolve("image-report.md")).contains("AADSTS7000215"));
        }
    }

    @Test
    void anImageOverTheFiftyManifestLimitIsCopiedInsteadWithANote() throws Exception {
        // 51 platform entries; they may all name one manifest, which keeps building the image fast. The limit counts entries.
        DockerRegistry anon = ACR.get();
        RegistryApi api = RegistryApi.of(anon);
        TestImages.Pushed child = new TestImages(api).image("big/index", null, true, "linux/amd64", TestImages.layer(1024, 50));
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"mediaType\":\"").append(TestImages.OCI_MANIFEST).append("\",\"size\":")
                    .append(child.size()).append(",\"digest\":\"").append(child.digest()).append("\",\"platform\":{\"os\":\"linux\",\"architecture\":\"arch")
                    .append(i).append("\"}}");
        }
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + TestImages.OCI_INDEX + "\",\"manifests\":[" + entries + "]}").getBytes(StandardCharsets.UTF_8);
        api.putManifest("big/index", "1", TestImages.OCI_INDEX, index);
        int importsBefore = arm.requests().size();

        ImageMigrationRequest base = request(List.of(anon.hostPort() + "/big/index:1"), "contoso");
        ImageMigrationSummary summary = new ImageMigration(e -> { }).run(new ImageMigrationRequest(base.images(), anon.hostPort() + "/mirror",
                MigrationMode.IMPORT, 3, false, false, false, base.access(), base.acrImport(), null));

        ImageResult r = summary.results().get(0);
        assertEquals(ImageStatus.COPIED, r.outcome().status(), r.outcome().error());
        assertEquals("copy", r.outcome().mode());
        assertTrue(r.outcome().note().startsWith("ACR import takes at most 50 manifests per image and this one has 52"), r.outcome().note());
        assertEquals(importsBefore, arm.requests().size(), "no import was attempted");
        assertEquals(RegistryApi.sha256(index), api.digest("mirror/big/index", "1").orElseThrow());
    }
}
