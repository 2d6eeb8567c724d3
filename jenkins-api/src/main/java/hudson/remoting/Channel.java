// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
// Declared only because Launcher's abstract launchChannel returns it; the plugin never uses a Channel.
package hudson.remoting;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Closeable;
import java.io.IOException;

public class Channel implements VirtualChannel, IChannel, Closeable {

    private Channel() {
    }

    @Override
    public <T> T export(Class<T> type, T instance) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException {
        throw new UnsupportedOperationException();
    }

    @Override
    public <V, T extends Throwable> Future<V> callAsync(final Callable<V, T> callable) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void join() throws InterruptedException {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void join(long timeout) throws InterruptedException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getProperty(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object waitForProperty(@NonNull Object key) throws InterruptedException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void syncLocalIO() throws InterruptedException {
        throw new UnsupportedOperationException();
    }
}
