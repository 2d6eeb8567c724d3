package io.jenkins.plugins.eks2aks.steps.credentials;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The build log of a step that resolved credentials, masked the way credentials-binding masks {@code withCredentials}:
 * the resolved secret values and every token derived from them where the work runs (EKS tokens, Entra and ACR tokens,
 * ECR authorization tokens; see {@link SecretMask}) print as {@code ****}. It travels to the agent with the callable
 * (values as {@link Secret}s, our own class: both pass the controller's class filter), so text written there is masked
 * before it crosses the channel.
 */
public final class MaskingListener implements TaskListener {

    private static final long serialVersionUID = 1L;

    private final TaskListener delegate;
    private final ArrayList<Secret> values;
    private transient PrintStream logger;
    private transient SecretMask mask;

    private MaskingListener(TaskListener delegate, ArrayList<Secret> values) {
        this.delegate = delegate;
        this.values = values;
    }

    /** {@code listener} masked over the secrets of these keys (either may be null) and every derived token shape. */
    public static MaskingListener over(TaskListener listener, AwsKeys aws, AzureKeys azure) {
        ArrayList<Secret> values = new ArrayList<>();
        if (aws != null) {
            aws.secrets(values);
        }
        if (azure != null) {
            azure.secrets(values);
        }
        return over(listener, values);
    }

    /** {@code listener} masked over these values too; a masked listener is not wrapped twice. */
    public static MaskingListener over(TaskListener listener, Collection<Secret> secrets) {
        ArrayList<Secret> values = new ArrayList<>(secrets);
        if (listener instanceof MaskingListener masking) {
            values.addAll(masking.values);
            return new MaskingListener(masking.delegate, values);
        }
        return new MaskingListener(listener, values);
    }

    /** The mask this log applies, e.g. for an exception message. */
    public synchronized SecretMask mask() {
        if (mask == null) {
            List<String> plain = new ArrayList<>();
            for (Secret value : values) {
                plain.add(value.getPlainText());
            }
            mask = SecretMask.of(plain);
        }
        return mask;
    }

    /** {@code e} as a failure whose message hides every secret, so the step's error line shows none either. */
    public AbortException masked(Exception e) {
        AbortException masked = new AbortException(mask().mask(e.getMessage()));
        masked.setStackTrace(e.getStackTrace());
        return masked;
    }

    @Override
    public synchronized PrintStream getLogger() {
        if (logger == null) {
            logger = new PrintStream(mask().wrap(delegate.getLogger()), true, StandardCharsets.UTF_8);
        }
        return logger;
    }

    @Override
    public String toString() {
        return "MaskingListener[" + values.size() + " secrets]";
    }
}
