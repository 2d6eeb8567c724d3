package io.jenkins.plugins.eks2aks.steps.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.microsoft.azure.util.AzureCredentials;
import com.microsoft.azure.util.AzureImdsCredentials;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

import java.util.List;

/**
 * The credential drop-downs of the steps ({@code doFillAwsCredentialsIdItems}, {@code doFillAzureCredentialsIdItems}),
 * as the credentials plugin's consumer guide writes them: within a job only for users who may configure it
 * ({@code Item.EXTENDED_READ}) or use its credentials ({@code CredentialsProvider.USE_ITEM}); outside any item (the
 * global snippet generator) only for administrators; anyone else sees only the value already there. Only the
 * credential types {@link StepCredentials} can use are listed, as seen by the job's own authentication (see
 * {@link #listingAs}).
 */
public final class CredentialsChoices {

    /** What {@link StepCredentials#aws} accepts. */
    public static final List<Class<? extends StandardCredentials>> AWS = List.of(AmazonWebServicesCredentials.class,
            StandardUsernamePasswordCredentials.class);
    /** What {@link StepCredentials#azure} accepts. */
    public static final List<Class<? extends StandardCredentials>> AZURE = List.of(AzureCredentials.class, AzureImdsCredentials.class);

    /** The model Jenkins fills: the credentials of the given types visible in the item, or only the current value. */
    interface Listing {
        ListBoxModel matching(Item item, List<Class<? extends StandardCredentials>> types, String current);

        ListBoxModel currentOnly(String current);
    }

    static final Listing JENKINS = new Listing() {
        @Override
        public ListBoxModel matching(Item item, List<Class<? extends StandardCredentials>> types, String current) {
            AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> model = new StandardListBoxModel().includeEmptyValue();
            Authentication as = listingAs(item);
            for (Class<? extends StandardCredentials> type : types) {
                model = model.includeAs(as, item, type);
            }
            return model.includeCurrentValue(current == null ? "" : current);
        }

        @Override
        public ListBoxModel currentOnly(String current) {
            return new StandardListBoxModel().includeCurrentValue(current == null ? "" : current);
        }
    };

    private CredentialsChoices() {
    }

    public static ListBoxModel aws(AccessControlled context, String current) {
        return fill(JENKINS, context, AWS, current);
    }

    public static ListBoxModel azure(AccessControlled context, String current) {
        return fill(JENKINS, context, AZURE, current);
    }

    /**
     * @param context the nearest access-controlled ancestor of the request: the job (or folder), else Jenkins itself
     */
    static ListBoxModel fill(Listing listing, AccessControlled context, List<Class<? extends StandardCredentials>> types, String current) {
        if (!mayList(context)) {
            return listing.currentOnly(current);
        }
        return listing.matching(context instanceof Item item ? item : null, types, current);
    }

    /**
     * Whose credentials the drop-down lists: a job's own authentication (what the step resolves the id as when it
     * runs, e.g. with Authorize Project), so it offers only credentials the build can use; {@code SYSTEM} outside
     * a job, as the credentials plugin's consumer guide does.
     */
    static Authentication listingAs(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    static boolean mayList(AccessControlled context) {
        if (context instanceof Item item) {
            return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        }
        // Jenkins.ADMINISTER is this very permission (Jenkins declares ADMINISTER = Permission.HUDSON_ADMINISTER); the
        // compile-only API declares Permission rather than Jenkins, whose class hierarchy it would have to copy.
        return context != null && context.hasPermission(Permission.HUDSON_ADMINISTER);
    }
}
