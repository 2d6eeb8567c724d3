package io.jenkins.plugins.eks2aks.manifests.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageNameRowsTest {

    private static final String A = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String B = "210987654321.dkr.ecr.eu-west-1.amazonaws.com";

    /** Images as {before, after}; after == before for an image the conversion keeps. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("every image of a registry moves to one ACR: one row for the registry",
                        List.of(m(A + "/shop/web:1", "contoso.azurecr.io/shop/web:1"), m(A + "/shop/api:2", "contoso.azurecr.io/shop/api:2"),
                                m(B + "/platform/envoy:v1", "contoso.azurecr.io/platform/envoy:v1")),
                        List.of(A + ",contoso.azurecr.io", B + ",contoso.azurecr.io")),
                Arguments.of("one repository prefix goes elsewhere: the registry row would send it to the wrong ACR",
                        List.of(m(A + "/team-a/web:1", "one.azurecr.io/a/web:1"), m(A + "/other/api:2", "two.azurecr.io/other/api:2")),
                        List.of(A + "/other/api:,two.azurecr.io/other/api:", A + "/team-a,one.azurecr.io/a")),
                Arguments.of("an image of the registry stays: rows only for the repositories that move",
                        List.of(m(A + "/shop/web:1", "contoso.azurecr.io/shop/web:1"), m(A + "/shop/kept:1", A + "/shop/kept:1")),
                        List.of(A + "/shop/web:,contoso.azurecr.io/shop/web:")),
                Arguments.of("a repository whose name starts another's, the other one kept: the delimiter tells them apart",
                        List.of(m(A + "/shop/web:1", "contoso.azurecr.io/shop/web:1"), m(A + "/shop/web-admin:1", A + "/shop/web-admin:1")),
                        List.of(A + "/shop/web:,contoso.azurecr.io/shop/web:")),
                Arguments.of("digest-only references",
                        List.of(m(A + "/shop/web@sha256:" + "a".repeat(64), "contoso.azurecr.io/shop/web@sha256:" + "a".repeat(64)),
                                m(A + "/shop/kept:1", A + "/shop/kept:1")),
                        List.of(A + "/shop/web@,contoso.azurecr.io/shop/web@")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rowsRewriteEveryImageAsConvertedWhicheverRowVeleroReadsFirst(String name, List<String[]> images, List<String> expected) {
        ImageNameRows rows = solve(images);

        assertEquals(expected, rows.rows().stream().map(r -> r.old() + "," + r.replacement()).toList());
        assertCorrect(images, rows);
    }

    @Test
    void aTagThatIsAPrefixOfAKeptTagCannotBeARowAndIsLeftToTheModifiers() {
        List<String[]> images = List.of(m(A + "/shop/web:1", "contoso.azurecr.io/shop/web:1"), m(A + "/shop/web:1.8", A + "/shop/web:1.8"));

        ImageNameRows rows = solve(images);

        assertFalse(rows.covers(0), "…/web:1 is a substring of …/web:1.8, which must stay");
        assertTrue(rows.rows().isEmpty());
        assertCorrect(images, rows);
    }

    @Test
    void randomRegistryMapsAlwaysGiveRowsThatCannotOverlap() {
        Random random = new Random(3);
        String[] hosts = {A, B, "555566667777.dkr.ecr.us-west-2.amazonaws.com"};
        String[] repos = {"shop/web", "shop/web-admin", "shop/webhook", "shop/api", "pay/api", "pay", "web"};
        String[] tags = {":1", ":1.8", ":10", "", "@sha256:" + "b".repeat(64), ":2@sha256:" + "c".repeat(64)};
        for (int round = 0; round < 300; round++) {
            List<String[]> images = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String host = hosts[random.nextInt(hosts.length)];
                String repo = repos[random.nextInt(repos.length)];
                String image = host + "/" + repo + tags[random.nextInt(tags.length)];
                String after = switch (random.nextInt(4)) {
                    case 0 -> image; // kept
                    case 1 -> "one.azurecr.io/" + image.substring(host.length() + 1);
                    case 2 -> "two.azurecr.io/x/" + image.substring(host.length() + 1);
                    default -> "contoso.azurecr.io/" + image.substring(host.length() + 1);
                };
                images.add(m(image, after));
            }
            assertCorrect(images, solve(images));
        }
    }

    private static String[] m(String before, String after) {
        return new String[] {before, after};
    }

    private static ImageNameRows solve(List<String[]> images) {
        List<String[]> moves = new ArrayList<>();
        List<ImageNameRows.Site> sites = new ArrayList<>();
        for (String[] image : images) {
            int move = -1;
            if (!image[0].equals(image[1])) {
                move = moves.size();
                moves.add(image);
            }
            sites.add(new ImageNameRows.Site(image[0], image[1], move));
        }
        return ImageNameRows.solve(moves, sites);
    }

    /**
     * Velero's rewrite, every order: an image covered by the rows becomes its converted value whichever matching
     * row comes first, a kept image matches no row that changes it; an uncovered move is set by a modifier after.
     */
    private static void assertCorrect(List<String[]> images, ImageNameRows rows) {
        int move = 0;
        for (String[] image : images) {
            boolean moved = !image[0].equals(image[1]);
            boolean covered = moved && rows.covers(move);
            if (moved) {
                move++;
            }
            if (moved && !covered) {
                continue;
            }
            Set<String> outcomes = new HashSet<>();
            for (ImageNameRows.Row row : rows.rows()) {
                if (image[0].contains(row.old())) {
                    outcomes.add(image[0].replace(row.old(), row.replacement()));
                }
            }
            if (outcomes.isEmpty()) {
                outcomes.add(image[0]);
            }
            assertEquals(Set.of(image[1]), outcomes, image[0] + " with rows " + rows.rows());
        }
    }
}
