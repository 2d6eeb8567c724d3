package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import com.microsoft.azure.util.AzureBaseCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.kubeconfig.AksKubeconfig;
import io.jenkins.plugins.eks2aks.kubeconfig.Kubeconfig;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.MaskingListener;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code withCredentials([aksKubeconfig(credentialsId: 'azure-sp', resourceGroup: 'rg-shop', name: 'shop-aks')]) { sh 'kubectl …' }}:
 * the cluster's user kubeconfig from ARM, with an Entra token for the AKS server application in place of
 * {@code kubelogin} when the cluster uses Entra ID (so no kubelogin is needed on the agent), or its admin kubeconfig
 * when {@code admin: true}. Made on the controller with the service principal, deleted when the block ends; its
 * token and keys are masked in the log.
 */
public final class AksKubeconfigBinding extends MultiBinding<AzureBaseCredentials> {

    static final String[] AZURE_SETTINGS = {"AZURE_SUBSCRIPTION_ID", "AZURE_AUTHORITY_HOST", "AZURE_RESOURCE_MANAGER_ENDPOINT"};
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How this binding names its subscription parameter in the engine's messages. */
    static final String SUBSCRIPTION = "'subscription'";

    /** Makes the kubeconfig from resolved settings; tests point it at the ARM stand-in. */
    @FunctionalInterface
    interface Maker {
        Kubeconfig make(AzureSettings settings, String resourceGroup, String name, boolean admin, EventSink events);
    }

    private static final Maker ARM = (settings, resourceGroup, name, admin, events) ->
            new AksKubeconfig(AksClients.containerService(settings, AksClients.defaultHttpClient()), settings.credential(),
                    settings.credentialSource(), TIMEOUT).create(resourceGroup, name, admin, events);

    private final String resourceGroup;
    private final String name;
    private boolean admin;
    private String subscription;
    private String variable = "KUBECONFIG";
    private String tokenVariable = "KUBE_TOKEN";
    private transient StepCredentials credentials;
    private transient Maker maker;

    @DataBoundConstructor
    public AksKubeconfigBinding(String credentialsId, String resourceGroup, String name) {
        super(Util.fixEmptyAndTrim(credentialsId));
        this.resourceGroup = Util.fixEmptyAndTrim(resourceGroup);
        this.name = Util.fixEmptyAndTrim(name);
    }

    public String getResourceGroup() {
        return resourceGroup;
    }

    public String getName() {
        return name;
    }

    public boolean isAdmin() {
        return admin;
    }

    @DataBoundSetter
    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public String getSubscription() {
        return subscription;
    }

    @DataBoundSetter
    public void setSubscription(String subscription) {
        this.subscription = Util.fixEmptyAndTrim(subscription);
    }

    public String getVariable() {
        return variable;
    }

    @DataBoundSetter
    public void setVariable(String variable) {
        this.variable = Util.fixEmptyAndTrim(variable) == null ? "KUBECONFIG" : variable.trim();
    }

    public String getTokenVariable() {
        return tokenVariable;
    }

    @DataBoundSetter
    public void setTokenVariable(String tokenVariable) {
        this.tokenVariable = Util.fixEmptyAndTrim(tokenVariable) == null ? "KUBE_TOKEN" : tokenVariable.trim();
    }

    /** Tests resolve credentials from their own store and reach ARM's stand-in. */
    AksKubeconfigBinding with(StepCredentials credentials, Maker maker) {
        this.credentials = credentials;
        this.maker = maker;
        return this;
    }

    @Override
    protected Class<AzureBaseCredentials> type() {
        return AzureBaseCredentials.class;
    }

    @Override
    public Set<String> variables() {
        return Set.of(tokenVariable, tokenVariable + "_2", tokenVariable + "_3");
    }

    @Override
    public MultiEnvironment bind(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        if (resourceGroup == null || name == null) {
            throw new AbortException("aksKubeconfig: 'resourceGroup' and 'name' are required: the AKS cluster's resource group and name");
        }
        if (workspace == null) {
            throw new AbortException("aksKubeconfig: needs a workspace (use it inside node { })");
        }
        EnvVars env = build.getEnvironment(listener);
        AzureKeys keys = (credentials == null ? StepCredentials.jenkins() : credentials).azure("aksKubeconfig", getCredentialsId(), build, env);
        if (keys == null) {
            throw new AbortException("aksKubeconfig: no Azure credentials: give credentialsId (an Azure service principal)");
        }
        MaskingListener masked = MaskingListener.over(listener, null, keys);
        Map<String, String> settings = new HashMap<>();
        for (String setting : AZURE_SETTINGS) {
            if (env.get(setting) != null) {
                settings.put(setting, env.get(setting));
            }
        }
        keys.cloud(settings);
        Kubeconfig kubeconfig;
        try {
            AzureSettings azure = AzureSettings.resolve(settings, keys.toEngine(), subscription, SUBSCRIPTION);
            kubeconfig = (maker == null ? ARM : maker).make(azure, resourceGroup, name, admin, new BuildLogEvents(masked));
        } catch (MigrationException e) {
            throw masked.masked(new AbortException("aksKubeconfig: " + e.getMessage()));
        }
        return KubeconfigFiles.bind(WorkspaceList.tempDir(workspace), kubeconfig, variable, tokenVariable);
    }

    @Symbol("aksKubeconfig")
    @Extension
    public static class DescriptorImpl extends BindingDescriptor<AzureBaseCredentials> {

        @Override
        protected Class<AzureBaseCredentials> type() {
            return AzureBaseCredentials.class;
        }

        @Override
        public String getDisplayName() {
            return "Kubeconfig of an Azure AKS cluster (eks2aks)";
        }
    }
}
