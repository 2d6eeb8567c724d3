package io.jenkins.plugins.eks2aks.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.images.report.ImageReportJson;
import io.jenkins.plugins.eks2aks.images.report.ImageReportMarkdown;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One image's result is made of parts, but its map (the step's return value, image-report.json, image-mapping.json) stays
 * the flat map it always was: the same keys in the same order, with the same value types.
 */
class ImageResultTest {

    private static final List<String> KEYS = List.of("source", "target", "digest", "status", "mode", "platforms", "bytes",
            "blobsCopied", "blobsSkipped", "blobsMounted", "manifests", "referrers", "retries", "note", "error");
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    private static final ImageResult COPIED = new ImageResult(
            new ImageRefs("ecr.example/shop/web:1", "contoso.azurecr.io/shop/web:1", DIGEST, List.of("linux/amd64", "linux/arm64")),
            ImageOutcome.of(ImageStatus.COPIED, "copy", "fell back to copy"), new ImageTransfer(2048, 3, 1, 2, 3, 1, 4));
    private static final ImageResult FAILED = ImageResult.failed("ecr.example/shop/api:2", "contoso.azurecr.io/shop/api:2", "import",
            "ACR import failed").withRetries(2);

    @Test
    void aResultsMapHasTheFlatKeysInTheirOrderWithLongCounts() {
        Map<String, Object> m = COPIED.toMap();
        assertEquals(KEYS, new ArrayList<>(m.keySet()));
        assertEquals(Arrays.asList("ecr.example/shop/web:1", "contoso.azurecr.io/shop/web:1", DIGEST, "COPIED", "copy",
                List.of("linux/amd64", "linux/arm64"), 2048L, 3L, 1L, 2L, 3L, 1L, 4L, "fell back to copy", null), new ArrayList<>(m.values()));
        assertEquals(ArrayList.class, m.get("platforms").getClass(), "a plain list: it crosses the Jenkins agent channel");
    }

    @Test
    void aFailedImageKeepsItsRetriesAndNothingElse() {
        Map<String, Object> m = FAILED.toMap();
        assertEquals(KEYS, new ArrayList<>(m.keySet()));
        assertEquals(Arrays.asList("ecr.example/shop/api:2", "contoso.azurecr.io/shop/api:2", null, "FAILED", "import", List.of(),
                0L, 0L, 0L, 0L, 0L, 0L, 2L, null, "ACR import failed"), new ArrayList<>(m.values()));
        assertTrue(FAILED.failed());
    }

    @Test
    void theMappingPinsOnlyImagesInTheTargetAndTheReportsReadTheParts() throws Exception {
        ImageMigrationSummary summary = new ImageMigrationSummary(List.of(COPIED, FAILED), MigrationMode.COPY, false, null, null,
                null, 1.0);
        assertEquals(Map.of("ecr.example/shop/web:1", "contoso.azurecr.io/shop/web:1@" + DIGEST), summary.mapping());
        assertEquals(2048, summary.bytes());
        assertEquals(6, summary.retries());

        String md = new ImageReportMarkdown().render(summary, "contoso.azurecr.io");
        assertTrue(md.contains("- `ecr.example/shop/api:2`: ACR import failed\n"), md);
        assertTrue(md.contains("| `ecr.example/shop/web:1` | `contoso.azurecr.io/shop/web:1` | `" + DIGEST + "` | COPIED | copy | "
                + Sizes.human(2048) + " | 3 / 1 / 2 | 4 | fell back to copy |\n"), md);
        assertTrue(md.contains("| `ecr.example/shop/api:2` | `contoso.azurecr.io/shop/api:2` |  | FAILED | import | " + Sizes.human(0)
                + " | 0 / 0 / 0 | 2 |  |\n"), md);

        JsonNode json = new ObjectMapper().readTree(new ImageReportJson().render(summary, "contoso.azurecr.io"));
        List<String> fields = new ArrayList<>();
        json.path("results").get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(KEYS.subList(0, KEYS.size() - 1), fields, "in the map's order; the writer leaves out the null error");
        assertEquals(4, json.path("results").get(0).path("retries").asLong());
    }
}
