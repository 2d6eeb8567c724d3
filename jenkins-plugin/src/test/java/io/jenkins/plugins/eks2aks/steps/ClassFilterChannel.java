package io.jenkins.plugins.eks2aks.steps;

import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.Callable;
import hudson.remoting.Future;
import hudson.remoting.VirtualChannel;

import org.mockito.Mockito;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A remoting channel for unit tests: a {@link FilePath} on it serializes the callable to the "agent", and the
 * result or the exception back, and reads each through a class filter that behaves like the controller's
 * ({@code jenkins.security.ClassFilterImpl} of the Jenkins baseline):
 * <ul>
 *   <li>arrays, throwables and enums pass;</li>
 *   <li>classes of Jenkins core, remoting and plugins pass: here the plugin's own classes, its tests', and the
 *       Jenkins API declarations;</li>
 *   <li>JDK classes pass only when {@code whitelisted-classes.txt} of the baseline lists them;</li>
 *   <li>anything else is rejected: classes of library jars that are not plugins, such as the engine {@code core}
 *       or the cloud SDKs, whose jars the .hpi bundles under {@code WEB-INF/lib}.</li>
 * </ul>
 * On top of the list it applies the project's own rule: no immutable JDK collections ({@code List.of},
 * {@code List.copyOf}, {@code Map.of}, which write {@code java.util.CollSer}); 2.541.3 lists them, controllers before
 * 2.358 reject them.
 * A {@link TaskListener} is exported, as remoting exports the build listener: the agent side gets a proxy that
 * writes to the original, so a mocked listener works.
 */
public final class ClassFilterChannel implements VirtualChannel {

    /** The JDK classes the controller accepts (comments and blank lines dropped, as ClassFilterImpl reads it). */
    static final Set<String> WHITELIST = readWhitelist();
    private static final Map<Integer, TaskListener> EXPORTED = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();

    /** A FilePath for {@code folder} on a new channel of this kind. */
    public static FilePath workspace(Path folder) {
        return new FilePath(new ClassFilterChannel(), folder.toString());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException {
        Callable<V, T> onAgent = (Callable<V, T>) roundTrip(callable, "the callable " + callable.getClass().getName());
        Object answer;
        boolean failed;
        try {
            answer = onAgent.call();
            failed = false;
        } catch (Throwable t) {
            answer = t;
            failed = true;
        }
        Object back = roundTrip(answer, failed ? "the exception " + answer.getClass().getName() : "the result");
        if (failed) {
            throw (T) back;
        }
        return (V) back;
    }

    /**
     * {@code value} after a trip over the channel: serialized, then read through the controller's filter.
     *
     * @throws AssertionError naming what could not be written or what the filter rejected
     */
    public static Object roundTrip(Object value, String what) {
        byte[] bytes;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ExportingOutputStream(buffer)) {
                out.writeObject(value);
            }
            bytes = buffer.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(what + " cannot be serialized: " + e, e);
        }
        try (ObjectInputStream in = new FilteringInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(what + " is rejected by the controller's class filter: " + e.getMessage(), e);
        }
    }

    /** Whether the controller's filter accepts {@code c}; null when it does, else why not. */
    static String rejection(Class<?> c) {
        if (c.isPrimitive() || c.isArray() || Throwable.class.isAssignableFrom(c) || Enum.class.isAssignableFrom(c)) {
            return null;
        }
        if (c.getName().equals("java.util.CollSer") || c.getName().startsWith("java.util.ImmutableCollections$")) {
            return c.getName() + " (a List.of/List.copyOf/Map.of value): the project sends ArrayList/HashMap, which every "
                    + "controller accepts (whitelisted-classes.txt lists it only since Jenkins 2.358)";
        }
        String location = location(c);
        if (location == null) {
            return WHITELIST.contains(c.getName()) ? null : c.getName() + " is a JDK class missing from whitelisted-classes.txt";
        }
        if (location.contains("/jenkins-plugin/target/") || location.contains("/jenkins-api/target/")
                || location.contains("eks2aks-jenkins-api")) {
            return null;
        }
        return c.getName() + " in " + location + " is in a library jar, not a plugin: Jenkins rejects it";
    }

    private static String location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return url == null ? null : url.toString();
    }

    private static Set<String> readWhitelist() {
        try (InputStream in = ClassFilterChannel.class.getResourceAsStream("whitelisted-classes.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.matches("#.*|\\s*")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class FilteringInputStream extends ObjectInputStream {
        FilteringInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            Class<?> c = super.resolveClass(desc);
            String why = rejection(c);
            if (why != null) {
                throw new InvalidClassException(c.getName(), why);
            }
            return c;
        }
    }

    private static final class ExportingOutputStream extends ObjectOutputStream {
        ExportingOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            // Our own serializable listeners (the masking one) travel as objects, as on a real channel; the build's
            // listener (here a mock) is exported. A mock of an interface declared in jenkins-api shares that
            // module's code source, so the filter alone would let it through to a serializer that cannot write it.
            if (obj instanceof TaskListener listener && !(obj instanceof ExportedListener)
                    && (rejection(obj.getClass()) != null || Mockito.mockingDetails(obj).isMock())) {
                int id = IDS.incrementAndGet();
                EXPORTED.put(id, listener);
                return new ExportedListener(id);
            }
            return obj;
        }
    }

    /** The agent's side of an exported listener (remoting's RemoteTaskListener plays this part in Jenkins). */
    static final class ExportedListener implements TaskListener {
        private static final long serialVersionUID = 1L;
        private final int id;

        ExportedListener(int id) {
            this.id = id;
        }

        @Override
        public PrintStream getLogger() {
            return EXPORTED.get(id).getLogger();
        }
    }

    @Override
    public <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }

    @Override
    public void join() {
    }

    @Override
    public void join(long timeout) {
    }

    @Override
    public <T> T export(Class<T> type, T instance) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void syncLocalIO() {
    }
}
