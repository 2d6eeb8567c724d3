package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepositorySelectionTest {

    static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

    @Test
    void aTrailingStarMakesAPrefix() {
        RepositorySelection shop = RepositorySelection.parse(ECR + "/shop/*");
        RepositorySelection web = RepositorySelection.parse(" " + ECR + "/shop/web ");
        RepositorySelection all = RepositorySelection.parse("127.0.0.1:5000/*");

        assertEquals(new RepositorySelection(ECR, "shop/", true, null, null, false), shop);
        assertEquals(new RepositorySelection(ECR, "shop/web", false, null, null, false), web);
        assertEquals(new RepositorySelection("127.0.0.1:5000", "", true, null, null, false), all);
        assertTrue(shop.matches("shop/web") && !shop.matches("shopfront") && !shop.matches("billing/shop/web"));
        assertTrue(web.matches("shop/web") && !web.matches("shop/web2"));
        assertTrue(RepositorySelection.parse(ECR + "/shop*").matches("shopfront"), "a prefix may end inside a name");
        assertEquals(ECR + "/shop/*", shop.toString());
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            shop/web                                                 | 'shop' is not a registry host
            123456789012.dkr.ecr.us-east-1.amazonaws.com             | no registry host before the repository
            123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1  | not a tag or digest
            123456789012.dkr.ecr.us-east-1.amazonaws.com/*/web       | '*' may only end the repository prefix
            123456789012.dkr.ecr.us-east-1.amazonaws.com/Shop/Web    | 'Shop/Web' is not a repository name
            123456789012.dkr.ecr.us-east-1.amazonaws.com/            | '' is not a repository name
            /shop/web                                                | no registry host before the repository
            """)
    void aBadSelectionIsOneLineNamingItAndShowingAGoodOne(String value, String reason) {
        MigrationException e = assertThrows(MigrationException.class, () -> RepositorySelection.parse(value));

        assertTrue(e.getMessage().startsWith("Invalid repository selection '" + value + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().endsWith("e.g. " + ECR + "/shop/*"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void theTagRuleDecidesHowManyTagsEachRepositoryGives() {
        RepositorySelection base = RepositorySelection.parse(ECR + "/shop/*");

        assertEquals(OptionalInt.of(1), base.limit(), "no rule: the newest tag");
        assertEquals(OptionalInt.empty(), base.withTags(null, null, true).limit());
        assertEquals(OptionalInt.empty(), base.withTags("1\\..*", null, false).limit(), "a pattern alone: every matching tag");
        assertEquals(OptionalInt.of(3), base.withTags("1\\..*", 3, false).limit());
        assertEquals(ECR + "/shop/* (newest 3 tags matching 1\\..*)", base.withTags("1\\..*", 3, false).describe());
        assertEquals(ECR + "/shop/* (newest tag)", base.describe());
        assertEquals(ECR + "/shop/* (all tags)", base.withTags("", null, true).describe(), "an empty pattern is no pattern");
        assertFalse(base.withTags("1\\..*", null, false).compiledTagPattern().matcher("v1.2").matches());
    }

    @Test
    void badTagRulesAreRejectedNamingTheValue() {
        RepositorySelection base = RepositorySelection.parse(ECR + "/shop/*");

        assertEquals("Invalid tag pattern '1.[0-9': Unclosed character class at index 5",
                assertThrows(MigrationException.class, () -> base.withTags("1.[0-9", null, false)).getMessage());
        assertEquals("Invalid number of newest tags 0: must be 1 or more",
                assertThrows(MigrationException.class, () -> base.withTags(null, 0, false)).getMessage());
        assertEquals("Newest 2 tags and all tags exclude each other: give one of them",
                assertThrows(MigrationException.class, () -> base.withTags(null, 2, true)).getMessage());
    }
}
