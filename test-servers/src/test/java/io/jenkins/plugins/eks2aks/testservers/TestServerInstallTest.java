package io.jenkins.plugins.eks2aks.testservers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class TestServerInstallTest {

    @Test
    void repositoryRootIsFoundAboveTheWorkingDirectory() {
        assertTrue(Files.isExecutable(TestServerInstall.repositoryRoot().resolve(TestServerInstall.SETUP_COMMAND)));
    }

    @Test
    void missingServerFailsWithAMessageNamingTheSetupCommand() {
        String property = "eks2aks.testservers." + TestServerInstall.AZURITE_BLOB;
        System.setProperty(property, "/nonexistent/azurite-blob");
        try {
            TestServerNotInstalledException missing = assertThrows(TestServerNotInstalledException.class, Azurite::start);
            assertTrue(missing.getMessage().contains("bin/setup-test-servers"), missing.getMessage());
            assertTrue(missing.getMessage().contains("/nonexistent/azurite-blob"), missing.getMessage());
        } finally {
            System.clearProperty(property);
        }
    }
}
