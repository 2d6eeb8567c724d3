// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public abstract class FlowExecutionOwner implements Serializable {

    @NonNull
    public abstract FlowExecution get() throws IOException;

    public abstract File getRootDir() throws IOException;

    public abstract Queue.Executable getExecutable() throws IOException;

    public abstract String getUrl() throws IOException;

    @CheckForNull
    public String getExternalizableId() {
        throw new UnsupportedOperationException();
    }

    @Override public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();
}
