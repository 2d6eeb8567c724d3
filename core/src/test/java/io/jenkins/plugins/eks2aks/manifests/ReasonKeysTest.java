package io.jenkins.plugins.eks2aks.manifests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReasonKeysTest {

    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of("a key with a quoted ARN segment",
                        "create an identity, then set identities.\"arn:aws:iam::123456789012:role/shop-api\".clientId in eks2aks.yaml (catalog W1)",
                        List.of("identities.\"arn:aws:iam::123456789012:role/shop-api\".clientId")),
                Arguments.of("two keys", "set identities.\"arn:aws:iam::1:role/x\".clientId to the identity, and keyVault.clientId to the same id",
                        List.of("identities.\"arn:aws:iam::1:role/x\".clientId", "keyVault.clientId")),
                Arguments.of("keys with the options that set them", "No ACR target for ECR registry 1.dkr.ecr.us-east-1.amazonaws.com: "
                        + "set acr in eks2aks.yaml (or --acr), or registries.\"1.dkr.ecr.us-east-1.amazonaws.com\": <acr>.azurecr.io in "
                        + "eks2aks.yaml (or --registry-map 1.dkr.ecr.us-east-1.amazonaws.com=<acr>.azurecr.io)",
                        List.of("acr", "registries.\"1.dkr.ecr.us-east-1.amazonaws.com\"")),
                Arguments.of("a key with a hyphenated segment at the end of a sentence", "set nodePools.shop-ondemand.", List.of("nodePools.shop-ondemand")),
                Arguments.of("a top-level key named in eks2aks.yaml", "choose targetAksVersion in eks2aks.yaml", List.of("targetAksVersion")),
                Arguments.of("another tool's flags and an API group", "run az aks nodepool add --enable-ultra-ssd and see karpenter.sh",
                        List.of()),
                Arguments.of("a key the schema does not know", "set foo.bar in eks2aks.yaml", List.of()),
                Arguments.of("a key word in prose", "the zones of the region differ", List.of()),
                Arguments.of("a key inside another word", "see myingress.target", List.of()),
                Arguments.of("the ingress target", "choose ingress.target webapprouting or agic in the mapping file", List.of("ingress.target")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasons")
    void theKeysToSetAreFoundInTheReason(String name, String reason, List<String> keys) {
        assertEquals(keys, ReasonKeys.in(reason));
    }
}
