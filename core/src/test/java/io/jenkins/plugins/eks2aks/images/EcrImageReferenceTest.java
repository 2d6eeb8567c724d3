package io.jenkins.plugins.eks2aks.images;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcrImageReferenceTest {

    private static final String DIGEST = "sha256:45ea093ca1964f76155c46449ebbf73534f1a9128c0df7ba2d55ea267e208a24";

    @ParameterizedTest(name = "{0} is a private ECR reference to repository {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0                                  | 123456789012 | us-east-1      | web              | 1.0    | -
            123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web                                 | 123456789012 | us-east-1      | shop/web         | -      | -
            123456789012.dkr.ecr.eu-west-1.amazonaws.com/a/b/c-d_e.f:v1.2-rc.1                   | 123456789012 | eu-west-1      | a/b/c-d_e.f      | v1.2-rc.1 | -
            123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/shop/web:2                           | 123456789012 | cn-north-1     | shop/web         | 2      | -
            123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/shop/web:2                           | 123456789012 | us-gov-west-1  | shop/web         | 2      | -
            """)
    void parsesEveryDocumentedForm(String image, String account, String region, String repository, String tag,
                                   String digest) {
        EcrImageReference ref = EcrImageReference.parse(image).orElseThrow();
        assertEquals(account, ref.account());
        assertEquals(region, ref.region());
        assertEquals(repository, ref.repository());
        assertEquals(tag, ref.tag());
        assertEquals(digest, ref.digest());
        assertEquals(image, ref.toString());
    }

    @ParameterizedTest(name = "keeps tag and digest of {0}")
    @ValueSource(strings = {
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api@" + DIGEST,
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:2.4.0@" + DIGEST})
    void keepsDigestAndTagTogether(String image) {
        EcrImageReference ref = EcrImageReference.parse(image).orElseThrow();
        assertEquals(DIGEST, ref.digest());
        assertEquals(image, ref.toString());
    }

    @ParameterizedTest(name = "{0} is not a private ECR reference")
    @ValueSource(strings = {
            "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2",
            "nginx:1.27",
            "docker.io/library/postgres:16",
            "contoso.azurecr.io/shop/web:1.0",
            "12345678901.dkr.ecr.us-east-1.amazonaws.com/web:1",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/Web:1",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:short",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example/web:1",
            ""})
    void rejectsEverythingElse(String image) {
        assertTrue(EcrImageReference.parse(image).isEmpty());
    }
}
