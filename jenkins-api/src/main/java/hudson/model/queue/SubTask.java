// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Queue;
import java.io.IOException;

public interface SubTask {

    @CheckForNull Queue.Executable createExecutable() throws IOException;

    default String getUrl() {
        throw new UnsupportedOperationException();
    }
}
