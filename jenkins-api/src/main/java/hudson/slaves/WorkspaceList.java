// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.slaves;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

public final class WorkspaceList {

    @CheckForNull
    public static FilePath tempDir(FilePath ws) {
        // Local behaviour (see README): the real ws.sibling(ws.getName() + "@tmp").
        return new FilePath(new java.io.File(ws.getRemote() + "@tmp"));
    }
}
