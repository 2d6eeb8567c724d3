// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {

    // Behaviour (see README: "Bodies"): a FilePath on this JVM, or on a channel that a unit test provides. With a
    // channel, act() hands the callable to channel.call() wrapped as the real class does, so the test's channel can
    // serialize it the way remoting would.
    private final transient File local;
    private final transient VirtualChannel channel;

    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
        this.local = new File(remote);
        this.channel = channel;
    }

    public FilePath(@NonNull File localPath) {
        this.local = localPath;
        this.channel = null;
    }

    public FilePath(@NonNull FilePath base, @NonNull String rel) {
        this.local = new File(base.local, rel);
        this.channel = base.channel;
    }

    public String getRemote() {
        return local.getPath();
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        if (channel != null) {
            // Like the real class with a channel: the callable and the path travel together to the other side.
            return channel.call(new FileCallableWrapper<>(callable, this));
        }
        // Like the real class with a local FilePath: runs in-process, without serializing the callable.
        return callable.invoke(local, null);
    }

    // As the real class declares it. Only its path travels here: the stub's FilePath keeps its fields transient.
    private static class FileCallableWrapper<T> implements hudson.remoting.DelegatingCallable<T, IOException> {
        private static final long serialVersionUID = 1L;
        private final FileCallable<T> callable;
        private transient ClassLoader classLoader;
        private final String remote;

        FileCallableWrapper(FileCallable<T> callable, FilePath filePath) {
            this(callable, callable.getClass().getClassLoader(), filePath);
        }

        private FileCallableWrapper(FileCallable<T> callable, ClassLoader classLoader, FilePath filePath) {
            this.callable = callable;
            this.classLoader = classLoader;
            this.remote = filePath.getRemote();
        }

        @Override
        public T call() throws IOException {
            try {
                return callable.invoke(new File(remote), null);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }

        @Override
        public ClassLoader getClassLoader() {
            return classLoader;
        }

        @Override
        public void checkRoles(org.jenkinsci.remoting.RoleChecker checker) throws SecurityException {
            callable.checkRoles(checker);
        }
    }

    public void mkdirs() throws IOException, InterruptedException {
        // Local behaviour (see README).
        java.nio.file.Files.createDirectories(local.toPath());
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        // Local behaviour (see README); like the real one, a missing file is no error.
        if (local.exists()) {
            try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(local.toPath())) {
                for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }

    public InputStream read() throws IOException, InterruptedException {
        // Local behaviour (see README).
        return java.nio.file.Files.newInputStream(local.toPath());
    }

    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        // Local behaviour (see README).
        java.nio.file.Files.writeString(local.toPath(), content, java.nio.charset.Charset.forName(encoding));
    }

    public void renameTo(final FilePath target) throws IOException, InterruptedException {
        // Local behaviour (see README): a rename, atomic where the file system allows it (as the real one on Unix).
        java.nio.file.Files.move(local.toPath(), target.local.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public void chmod(final int mask) throws IOException, InterruptedException {
        // Local behaviour (see README): POSIX permissions where the file system has them.
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
        java.nio.file.attribute.PosixFilePermission[] bits = java.nio.file.attribute.PosixFilePermission.values();
        for (int i = 0; i < 9; i++) {
            if ((mask & (1 << (8 - i))) != 0) {
                perms.add(bits[i]);
            }
        }
        java.nio.file.Files.setPosixFilePermissions(local.toPath(), perms);
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
        return channel != null;
    }

    private static final long serialVersionUID = 1L;
}
