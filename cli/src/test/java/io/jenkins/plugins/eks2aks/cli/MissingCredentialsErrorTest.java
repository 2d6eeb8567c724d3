package io.jenkins.plugins.eks2aks.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run without AWS credentials ends with one line and exit 3, not "unexpected error" and a stack trace. */
class MissingCredentialsErrorTest {

    @Test
    void noAwsCredentialsIsOneLineAndExit3() {
        SdkClientException none = assertThrows(SdkClientException.class,
                () -> AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create()).resolveCredentials());
        StringWriter err = new StringWriter();
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));

        int exit = new ErrorHandler().handleExecutionException(none, cli, null);

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().startsWith("eks2aks: error: No AWS credentials found"), err::toString);
    }
}
