package io.jenkins.plugins.eks2aks.steps;

import hudson.util.FormValidation;
import io.jenkins.plugins.eks2aks.steps.convert.ConvertManifestsStep;
import io.jenkins.plugins.eks2aks.steps.images.EcrToAcrStep;
import io.jenkins.plugins.eks2aks.steps.inventory.EksInventoryStep;
import io.jenkins.plugins.eks2aks.steps.preflight.AksPreflightStep;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snippet generator's checks: the engine's messages for bad values, nothing for good or empty ones. */
class FieldChecksTest {

    @Test
    void goodAndEmptyValuesPass() {
        for (String ok : new String[] {null, "", "  "}) {
            assertNull(FieldChecks.failOn(ok));
            assertNull(FieldChecks.target(ok));
            assertNull(FieldChecks.images(ok));
        }
        assertNull(FieldChecks.failOn("decisions"));
        assertNull(FieldChecks.format("kustomize"));
        assertNull(FieldChecks.mappingOverride("contoso.azurecr.io", null, null, null));
        assertNull(FieldChecks.mappingOverride(null, "123456789012.dkr.ecr.us-east-1.amazonaws.com=contoso.azurecr.io", null, null));
        assertNull(FieldChecks.mappingOverride(null, null, "agic", "1.33"));
        assertNull(FieldChecks.target("contoso.azurecr.io/migrated"));
        assertNull(FieldChecks.mode("COPY"));
        assertNull(FieldChecks.images("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.0\nquay.io/a/b@sha256:" + "a".repeat(64)));
        assertNull(FieldChecks.repositories("123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/*"));
        assertNull(FieldChecks.tagPattern("v1\\..*"));
        assertNull(FieldChecks.preflightIngress("app-routing"));
        assertNull(FieldChecks.kubernetesVersion("1.29", "sourceVersion"));
    }

    @Test
    void badValuesGetTheMessageTheStepWouldFailWith() {
        assertEquals("invalid 'failOn' 'always': allowed are conflicts, decisions, never", FieldChecks.failOn("always"));
        assertEquals("invalid 'format' 'helm': allowed are files, kustomize", FieldChecks.format("helm"));
        assertEquals("Invalid mode 'move': expected import or copy", FieldChecks.mode("move"));
        assertTrue(FieldChecks.images("web:latest, Not A Reference").startsWith("Invalid image reference 'Not A Reference'"),
                FieldChecks.images("web:latest, Not A Reference"));
        assertTrue(FieldChecks.tagPattern("v1[").startsWith("Invalid tag pattern 'v1['"), FieldChecks.tagPattern("v1["));
        assertEquals("invalid 'ingress' 'traefik': allowed are agc, agic, app-routing, nginx", FieldChecks.preflightIngress("traefik"));
        assertEquals("invalid 'targetVersion' 'latest': expected a Kubernetes version such as 1.33",
                FieldChecks.kubernetesVersion("latest", "targetVersion"));
        assertTrue(FieldChecks.mappingOverride(null, "no-equals-sign", null, null) != null);
        assertTrue(FieldChecks.mappingOverride(null, null, "traefik", null) != null);
    }

    @Test
    void everyDoCheckMethodChecksADataBoundParameterByItsQueryValue() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> step : List.of(ConvertManifestsStep.class, EcrToAcrStep.class, AksPreflightStep.class, EksInventoryStep.class)) {
            Class<?> descriptor = Class.forName(step.getName() + "$DescriptorImpl");
            for (Method m : descriptor.getDeclaredMethods()) {
                if (m.getName().startsWith("doCheck")) {
                    String field = Character.toLowerCase(m.getName().charAt(7)) + m.getName().substring(8);
                    assertEquals(FormValidation.class, m.getReturnType(), m.toString());
                    assertTrue(m.getParameters()[0].isAnnotationPresent(QueryParameter.class), m.toString());
                    assertTrue(hasSetterOrConstructorParameter(step, field), step.getSimpleName() + " has no parameter " + field);
                    checked.add(step.getSimpleName() + "." + field);
                }
            }
        }
        assertEquals(15, checked.size(), checked.toString());
    }

    private static boolean hasSetterOrConstructorParameter(Class<?> step, String field) throws NoSuchMethodException {
        for (Method m : step.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().equals("set" + Character.toUpperCase(field.charAt(0)) + field.substring(1))) {
                return true;
            }
        }
        return step.getConstructors()[0].getParameters()[0].getName().equals(field);
    }
}
