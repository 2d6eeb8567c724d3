// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {

    // Local behaviour only (see README: "Bodies"): a FilePath on this JVM, as unit tests use it.
    private final transient File local;

    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
        this.local = new File(remote);
    }

    public FilePath(@NonNull File localPath) {
        this.local = localPath;
    }

    public FilePath(@NonNull FilePath base, @NonNull String rel) {
        this.local = new File(base.local, rel);
    }

    public String getRemote() {
        return local.getPath();
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        // Like the real class with a local FilePath: runs in-process, without serializing the callable.
        return callable.invoke(local, null);
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        return local.getName();
    }

    public @NonNull FilePath child(String relOrAbsolute) {
        return new FilePath(this, relOrAbsolute);
    }

    public boolean exists() throws IOException, InterruptedException {
        return local.exists();
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        return local.isDirectory();
    }

    public boolean isRemote() {
        return false;
    }

    private static final long serialVersionUID = 1L;
}
