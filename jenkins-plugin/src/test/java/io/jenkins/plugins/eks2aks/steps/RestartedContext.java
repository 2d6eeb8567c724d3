package io.jenkins.plugins.eks2aks.steps;

import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.inventory.BufferListener;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.mockito.Mockito.mock;

/**
 * The context a build has after a controller restart: serializable, as the program state restores it, with the
 * build log in {@link BufferListener#BUFFER} and the step's outcome kept by id. {@link #persist} and {@link #resume}
 * do what Jenkins does to an execution across a restart: serialize it, read it back, call {@code onResume}.
 */
public final class RestartedContext extends StepContext {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, CompletableFuture<Object>> OUTCOMES = new ConcurrentHashMap<>();
    private final String workspace;
    private final String id;
    private final HashMap<String, String> env;

    public RestartedContext(Path workspace, String id) {
        this(workspace, id, Map.of());
    }

    /** With the step's environment (the variables a build's {@code withEnv}/{@code withCredentials} give it). */
    public RestartedContext(Path workspace, String id, Map<String, String> env) {
        this.workspace = workspace.toString();
        this.id = id;
        this.env = new HashMap<>(env);
    }

    /** The execution as the program state stores it. */
    public static byte[] persist(StepExecution execution) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(execution);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the execution back, resumes it and waits for its outcome.
     *
     * @param worker the thread the resumed execution runs in
     * @return the step's result; its failure is thrown (wrapped in an ExecutionException)
     */
    @SuppressWarnings("unchecked")
    public static <E extends StepExecution> Object resume(byte[] persisted, String id, Function<E, Thread> worker) throws Exception {
        E restored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(persisted))) {
            restored = (E) in.readObject();
        }
        OUTCOMES.put(id, new CompletableFuture<>());
        restored.onResume();
        worker.apply(restored).join(120_000);
        return OUTCOMES.get(id).get(5, TimeUnit.SECONDS);
    }

    @Override
    public <T> T get(Class<T> key) {
        Object value = key == TaskListener.class ? new BufferListener()
                : key == FilePath.class ? new FilePath(new File(workspace))
                : key == EnvVars.class ? new EnvVars(env)
                : key == Run.class ? mock(Run.class) : null;
        return key.cast(value);
    }

    @Override
    public void onSuccess(Object result) {
        OUTCOMES.get(id).complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        OUTCOMES.get(id).completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return null;
    }

    @Override
    public void setResult(Result r) {
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("no body");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestartedContext c && c.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
