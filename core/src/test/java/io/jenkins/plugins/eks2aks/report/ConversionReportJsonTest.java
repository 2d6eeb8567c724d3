package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConversionReportJsonTest {

    private static final ConversionResult RESULT = ReportFixtures.result();

    private static JsonNode report() throws IOException {
        return new ObjectMapper().readTree(new ConversionReportJson().render(RESULT, List.of("*=contoso.azurecr.io")));
    }

    @Test
    void theReportKeepsItsSchemaAndCarriesTheSameSectionsAsThePages() throws IOException {
        JsonNode report = report();

        assertEquals(ConversionReportJson.SCHEMA, report.path("schema").asText());
        List<String> sections = new ArrayList<>();
        report.fieldNames().forEachRemaining(sections::add);
        assertEquals(List.of("schema", "registryMap", "summary", "decisions", "exclusions", "changes", "conflicts"), sections);
        assertEquals(1, report.at("/summary/exclusions").asInt());
    }

    @Test
    void aDecisionNamesTheObjectTheCurrentValueAndTheMappingKeyToSet() throws IOException {
        JsonNode decision = report().path("decisions").get(0);

        assertEquals("Deployment", decision.at("/object/kind").asText());
        assertEquals(1, decision.path("document").asInt());
        assertEquals("/spec/template/spec/nodeSelector/eks.amazonaws.com~1nodegroup", decision.path("path").asText());
        assertEquals("ng-1", decision.path("current").asText());
        assertEquals("S1", decision.path("rule").asText());
        assertEquals("[\"nodePools.ng-1\"]", decision.path("keys").toString());
    }

    @Test
    void anExclusionNamesTheObjectAndTheAzureEquivalent() throws IOException {
        JsonNode exclusion = report().path("exclusions").get(0);

        assertEquals("aws-node", exclusion.at("/object/name").asText());
        assertEquals("EX1", exclusion.path("rule").asText());
        assertEquals(2, exclusion.path("document").asInt());
        assertEquals(true, exclusion.path("reason").asText().contains("Azure CNI Overlay"));
    }

    @Test
    void twoRendersOfOneResultAreTheSameBytes() {
        assertEquals(new ConversionReportJson().render(RESULT, List.of()), new ConversionReportJson().render(RESULT, List.of()));
    }
}
