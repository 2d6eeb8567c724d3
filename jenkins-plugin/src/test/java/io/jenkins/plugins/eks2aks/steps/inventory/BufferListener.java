package io.jenkins.plugins.eks2aks.steps.inventory;

import hudson.model.TaskListener;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The build log as a remoting channel would deliver it: serializable, writing to this JVM's buffer. */
public final class BufferListener implements TaskListener {
    private static final long serialVersionUID = 1L;
    public static final ByteArrayOutputStream BUFFER = new ByteArrayOutputStream();

    @Override
    public PrintStream getLogger() {
        return new PrintStream(BUFFER, true, StandardCharsets.UTF_8);
    }
}
