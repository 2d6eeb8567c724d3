// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.jenkinsci.plugins.workflow.log;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

public abstract class TaskListenerDecorator implements Serializable {

    public abstract @NonNull OutputStream decorate(@NonNull OutputStream logger) throws IOException, InterruptedException;

    public interface Factory extends ExtensionPoint {

        @CheckForNull TaskListenerDecorator of(@NonNull FlowExecutionOwner owner);
    }
}
