package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the token of a bound kubeconfig fresh while its {@code withCredentials} block runs: an EKS token lasts 14
 * minutes, a migration stage much longer. On the controller, where the credential is, a new token is made every
 * period and written over the kubeconfig's token file and into the kubeconfig itself (each written beside, then
 * renamed, so a reader never sees half of one); client-go reads the token file again while it runs, and a client
 * started later reads the new kubeconfig. The renewals live as long as the block: the binding's
 * unbinder stops them by the file's name, and a write that fails because the folder is gone stops them too. The
 * timer lives in the controller's memory; after a restart the unbinder, read back with the Pipeline program,
 * starts it again ({@link EksTokenRenewal#resume}).
 */
final class TokenRenewals {

    /** Well inside the 14 minutes, so one failed renewal still leaves the previous token working. */
    static final Duration PERIOD = Duration.ofMinutes(5);
    /** The token file's name in the binding's folder. */
    static final String TOKEN = "token";
    /** The kubeconfig's name in the binding's folder. */
    static final String CONFIG = "config";
    private static final Pattern EKS_TOKEN = Pattern.compile(SecretMask.EKS_TOKEN);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "eks2aks kubeconfig token renewal");
        t.setDaemon(true);
        return t;
    });
    private static final ConcurrentHashMap<String, ScheduledFuture<?>> RUNNING = new ConcurrentHashMap<>();
    /** The build of each running binding (its externalizable id), so {@link EksTokenMasking} knows whose log to mask. */
    private static final ConcurrentHashMap<String, String> BUILDS = new ConcurrentHashMap<>();

    private TokenRenewals() {
    }

    /**
     * @param name      the binding's folder name (what its unbinder keeps)
     * @param build     the build's externalizable id ({@code job#number}); null when unknown (then no log masks by shape)
     * @param dir       the binding's folder, holding the kubeconfig ({@link #CONFIG}) and the file its {@code tokenFile}
     *                  names ({@link #TOKEN})
     * @param newToken  makes a new token (on the controller, with the credential resolved again)
     * @param first     when the first renewal runs: a period after binding, at once after a restart
     * @param log       the build log, masked; a failed renewal is one line there, never the token
     */
    static void start(String name, String build, FilePath dir, Callable<String> newToken, Duration first, Duration period,
                      TaskListener log) {
        if (build != null) {
            BUILDS.put(name, build);
        }
        RUNNING.put(name, TIMER.scheduleWithFixedDelay(() -> renew(name, dir, newToken, log), first.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    private static void renew(String name, FilePath dir, Callable<String> newToken, TaskListener log) {
        String token;
        try {
            token = newToken.call();
        } catch (Exception e) {
            log.getLogger().println("[kubeconfig] could not renew the token (the current one keeps working until it expires): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return;
        }
        try {
            // The kubeconfig first: once the token file holds a token, the kubeconfig holds it too. The kubeconfig's
            // only EKS token is its user's, so the new one takes the place of whatever one it holds.
            String config;
            try (InputStream in = dir.child(CONFIG).read()) {
                config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            replace(dir, CONFIG, EKS_TOKEN.matcher(config).replaceAll(Matcher.quoteReplacement(token)));
            replace(dir, TOKEN, token);
        } catch (Exception e) {
            // The block ended without its unbinder (the folder is gone): nothing left to keep fresh.
            stop(name);
        }
    }

    /** Writes beside, then renames over: a reader sees the old text or the new, never half of one. */
    private static void replace(FilePath dir, String name, String text) throws Exception {
        FilePath next = dir.child(name + ".next");
        next.write(text, "UTF-8");
        next.chmod(0600);
        next.renameTo(dir.child(name));
    }

    /** Stops the renewals of a binding; false when none ran. */
    static boolean stop(String name) {
        BUILDS.remove(name);
        ScheduledFuture<?> running = RUNNING.remove(name);
        if (running == null) {
            return false;
        }
        running.cancel(false);
        return true;
    }

    static boolean running(String name) {
        return RUNNING.containsKey(name);
    }

    /** Whether a binding of this build (its externalizable id) renews its token now. */
    static boolean renewsFor(String build) {
        return build != null && BUILDS.containsValue(build);
    }
}
