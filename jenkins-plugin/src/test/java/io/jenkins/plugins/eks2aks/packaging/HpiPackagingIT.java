package io.jenkins.plugins.eks2aks.packaging;

import hudson.Extension;
import net.java.sezpoz.impl.SerAnnotatedElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens the built .hpi and checks what Jenkins will read from it. Runs after packaging (failsafe). */
class HpiPackagingIT {

    private static final String SHORT_NAME = "eks-to-aks-migration";
    private static final String INNER_JAR = "WEB-INF/lib/" + SHORT_NAME + ".jar";
    private static final String STEP_PATH = "io/jenkins/plugins/eks2aks/steps/convert/ConvertManifestsStep/";

    private static JarFile hpi;
    private static Map<String, byte[]> lib;

    @BeforeAll
    static void open() throws IOException {
        String path = System.getProperty("eks2aks.hpi");
        assertNotNull(path, "run through Maven: the eks2aks.hpi system property names the built archive");
        hpi = new JarFile(path);
        lib = new LinkedHashMap<>();
        for (JarEntry e : java.util.Collections.list(hpi.entries())) {
            if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                try (InputStream in = hpi.getInputStream(e)) {
                    lib.put(e.getName(), in.readAllBytes());
                }
            }
        }
    }

    @Test
    void outerAndInnerManifestsCarryThePluginAttributes() throws IOException {
        Attributes outer = hpi.getManifest().getMainAttributes();
        Attributes inner = jar(INNER_JAR).getManifest().getMainAttributes();
        for (Attributes attributes : List.of(outer, inner)) {
            assertEquals(SHORT_NAME, attributes.getValue("Short-Name"));
            assertEquals("EKS to AKS Migration", attributes.getValue("Long-Name"));
            assertEquals("2.541.3", attributes.getValue("Jenkins-Version"));
            assertNotNull(attributes.getValue("Plugin-Version"));
            assertEquals(System.getProperty("eks2aks.pluginDependencies"), attributes.getValue("Plugin-Dependencies"));
        }
        assertTrue(pluginDependencies().containsKey("workflow-step-api"), "the Step API comes from workflow-step-api");
        assertTrue(pluginDependencies().containsKey("workflow-api"), "TaskListenerDecorator.Factory (EksTokenMasking) comes from workflow-api");
    }

    @Test
    void theSezpozIndexNamesTheStepDescriptor() throws IOException, ClassNotFoundException {
        byte[] index = entry(INNER_JAR, "META-INF/annotations/" + Extension.class.getName());
        List<String> indexed = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(index))) {
            for (Object o = in.readObject(); o != null; o = in.readObject()) {
                indexed.add(((SerAnnotatedElement) o).className);
            }
        }
        assertEquals(List.of("io.jenkins.plugins.eks2aks.steps.convert.ConvertManifestsStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.images.EcrToAcrStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.inventory.EksInventoryStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.kubeconfig.AksKubeconfigBinding$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.kubeconfig.EksKubeconfigBinding$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.kubeconfig.EksTokenMasking",
                "io.jenkins.plugins.eks2aks.steps.migrate.EksToAksMigrationStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.plan.MigrationPlanStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.preflight.AksPreflightStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.storage.AzcopySyncStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.storage.VerifyStorageStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.traffic.ShiftTrafficStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.velero.AksRestoreStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.velero.VeleroBackupStep$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.velero.VerifyRestoreStep$DescriptorImpl"), indexed.stream().sorted().toList());
    }

    /**
     * structs resolves {@code eksKubeconfig(...)} through annotation-indexer's index of {@code @Symbol} (which no
     * processor writes here): it must list exactly the packaged classes that carry the annotation.
     */
    @Test
    void theSymbolIndexListsExactlyTheClassesWithASymbol() throws IOException, ClassNotFoundException {
        byte[] index = entry(INNER_JAR, "META-INF/services/annotations/" + org.jenkinsci.Symbol.class.getName());
        assertNotNull(index, "the Symbol index is packaged");
        List<String> listed = new String(index, java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        List<String> annotated = new ArrayList<>();
        for (String entry : entries(INNER_JAR)) {
            if (entry.endsWith(".class")) {
                String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                if (Class.forName(name, false, getClass().getClassLoader()).isAnnotationPresent(org.jenkinsci.Symbol.class)) {
                    annotated.add(name);
                }
            }
        }
        assertEquals(annotated.stream().sorted().toList(), listed);
        assertEquals(List.of("io.jenkins.plugins.eks2aks.steps.kubeconfig.AksKubeconfigBinding$DescriptorImpl",
                "io.jenkins.plugins.eks2aks.steps.kubeconfig.EksKubeconfigBinding$DescriptorImpl"), listed);
    }

    @Test
    void theInnerJarHasTheUiResources() throws IOException {
        for (String resource : List.of("index.jelly", STEP_PATH + "config.jelly", STEP_PATH + "help.html",
                STEP_PATH + "help-source.html", STEP_PATH + "help-output.html", STEP_PATH + "help-acr.html",
                STEP_PATH + "help-registryMap.html", STEP_PATH + "help-dryRun.html", STEP_PATH + "help-mappingFile.html",
                STEP_PATH + "help-format.html", STEP_PATH + "help-veleroConfigMaps.html", STEP_PATH + "help-failOn.html",
                STEP_PATH + "help-ingressTarget.html", STEP_PATH + "help-targetAksVersion.html",
                "io/jenkins/plugins/eks2aks/steps/traffic/ShiftTrafficStep/config.jelly",
                "io/jenkins/plugins/eks2aks/steps/traffic/ShiftTrafficStep/help-hostnames.html",
                "io/jenkins/plugins/eks2aks/steps/Messages.properties")) {
            assertNotNull(entry(INNER_JAR, resource), resource);
        }
    }

    @Test
    void noClassOfTheCompileOnlyJenkinsApiIsPackaged() throws IOException, URISyntaxException {
        Set<String> stubs = new HashSet<>();
        Path stubJar = Path.of(Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(stubJar)) {
            try (var walk = Files.walk(stubJar)) {
                walk.filter(p -> p.toString().endsWith(".class")).forEach(p -> stubs.add(stubJar.relativize(p).toString()));
            }
        } else {
            try (JarFile jar = new JarFile(stubJar.toFile())) {
                jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).forEach(stubs::add);
            }
        }
        assertTrue(stubs.contains("hudson/FilePath.class"), "found the Jenkins API declarations at " + stubJar);
        for (String name : lib.keySet()) {
            for (String entry : entries(name)) {
                assertFalse(stubs.contains(entry), name + " contains " + entry + " from the compile-only Jenkins API");
            }
        }
        assertTrue(hpi.stream().noneMatch(e -> e.getName().endsWith(".class")), "no loose classes in the .hpi");
    }

    @Test
    void noBundledJarDuplicatesADeclaredLibraryPlugin() throws IOException {
        Properties table = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/library-plugins.properties")) {
            table.load(in);
        }
        Map<String, String> declared = pluginDependencies();
        List<String> bundled = new ArrayList<>();
        for (String name : lib.keySet()) {
            if (!name.equals(INNER_JAR)) {
                bundled.add(coordinates(name));
            }
        }
        assertEquals(List.of("software.amazon.awssdk:eks", "io.jenkins.plugins.eks2aks:eks2aks-core", "com.ethlo.time:itu",
                "com.fasterxml.jackson.jr:jackson-jr-objects", "com.networknt:json-schema-validator", "software.amazon.awssdk:route53"), bundled, "the engine and what no library plugin ships");
        for (String plugin : declared.keySet()) {
            for (String prefix : table.getProperty(plugin, "").split(",")) {
                for (String jar : bundled) {
                    assertFalse(!prefix.isBlank() && jar.startsWith(prefix.trim()),
                            jar + " is bundled although Plugin-Dependencies declares " + plugin + ", which ships it");
                }
            }
        }
    }

    private static Map<String, String> pluginDependencies() throws IOException {
        Map<String, String> deps = new LinkedHashMap<>();
        Arrays.stream(hpi.getManifest().getMainAttributes().getValue("Plugin-Dependencies").split(","))
                .map(s -> s.split(";")[0].split(":", 2))
                .forEach(p -> deps.put(p[0], p[1]));
        return deps;
    }

    /** groupId:artifactId of a bundled jar, from the pom.properties Maven writes into every jar. */
    private static String coordinates(String name) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(lib.get(name)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    p.load(in);
                    return p.getProperty("groupId") + ":" + p.getProperty("artifactId");
                }
            }
        }
        return name;
    }

    private static JarInputStream jar(String name) throws IOException {
        return new JarInputStream(new ByteArrayInputStream(lib.get(name)));
    }

    private static List<String> entries(String name) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarInputStream in = jar(name)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static byte[] entry(String jarName, String entryName) throws IOException {
        try (JarInputStream in = jar(jarName)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(entryName)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }
}
