package io.jenkins.plugins.eks2aks.steps.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.microsoft.azure.util.AzureCredentials;
import com.microsoft.azure.util.AzureImdsCredentials;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.util.ListBoxModel;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.springframework.security.core.Authentication;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * The credential drop-downs: who may list credentials (the credentials plugin's documented checks), which types each
 * field lists, and that every credentials id parameter of every step has its {@code @POST} fill method and a
 * {@code c:select} in its form.
 */
class CredentialsChoicesTest {

    /** Records what was asked, so the test sees whether credentials were listed and of which types. */
    private static final class RecordingListing implements CredentialsChoices.Listing {
        final List<String> calls = new ArrayList<>();

        @Override
        public ListBoxModel matching(Item item, List<Class<? extends StandardCredentials>> types, String current) {
            calls.add("matching " + (item == null ? "root" : "item") + " " + types.stream().map(Class::getSimpleName).toList() + " " + current);
            return new ListBoxModel();
        }

        @Override
        public ListBoxModel currentOnly(String current) {
            calls.add("current " + current);
            return new ListBoxModel();
        }
    }

    private static Item item(boolean allowed) {
        Item item = mock(Item.class);
        when(item.hasPermission(any())).thenReturn(allowed);
        return item;
    }

    private static AccessControlled root(boolean admin) {
        AccessControlled root = mock(AccessControlled.class);
        when(root.hasPermission(any())).thenReturn(admin);
        return root;
    }

    @Test
    void credentialsAreListedOnlyForUsersWhoMayConfigureOrUseTheItemOrAdministerJenkins() {
        RecordingListing listing = new RecordingListing();

        CredentialsChoices.fill(listing, item(true), CredentialsChoices.AWS, "aws-prod");
        CredentialsChoices.fill(listing, item(false), CredentialsChoices.AWS, "aws-prod");
        CredentialsChoices.fill(listing, root(true), CredentialsChoices.AZURE, null);
        CredentialsChoices.fill(listing, root(false), CredentialsChoices.AZURE, "az");
        CredentialsChoices.fill(listing, null, CredentialsChoices.AZURE, "az");

        assertEquals(List.of(
                "matching item [AmazonWebServicesCredentials, StandardUsernamePasswordCredentials] aws-prod",
                "current aws-prod",
                "matching root [AzureCredentials, AzureImdsCredentials] null",
                "current az",
                "current az"), listing.calls);
    }

    @Test
    void aJobListsCredentialsAsItsOwnAuthenticationAndAnythingElseAsSystem() {
        Item job = mock(Item.class, withSettings().extraInterfaces(Queue.Task.class));
        Item folder = mock(Item.class);
        Authentication jobs = mock(Authentication.class);
        try (MockedStatic<Tasks> tasks = mockStatic(Tasks.class)) {
            tasks.when(() -> Tasks.getAuthenticationOf2((Queue.Task) job)).thenReturn(jobs);

            assertSame(jobs, CredentialsChoices.listingAs(job), "a job (a Queue.Task) lists what its builds can use");
            assertSame(ACL.SYSTEM2, CredentialsChoices.listingAs(folder));
            assertSame(ACL.SYSTEM2, CredentialsChoices.listingAs(null));
            tasks.verify(() -> Tasks.getAuthenticationOf2(any()), times(1));
        }
    }

    @Test
    void theListedTypesAreThoseTheStepsResolve() {
        assertEquals(List.of(AmazonWebServicesCredentials.class, StandardUsernamePasswordCredentials.class), CredentialsChoices.AWS);
        assertEquals(List.of(AzureCredentials.class, AzureImdsCredentials.class), CredentialsChoices.AZURE);
    }

    @Test
    void everyCredentialsIdParameterOfEveryStepIsAPostDropDown() throws Exception {
        List<String> fields = new ArrayList<>();
        for (IndexItem<Extension, Object> indexed : Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
            if (!(indexed.instance() instanceof StepDescriptor descriptor)) {
                continue;
            }
            for (Method setter : descriptor.clazz.getMethods()) {
                if (!setter.isAnnotationPresent(DataBoundSetter.class) || !setter.getName().endsWith("CredentialsId")) {
                    continue;
                }
                String field = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
                String where = descriptor.getFunctionName() + "." + field;
                Method fill = descriptor.getClass().getMethod("doFill" + setter.getName().substring(3) + "Items", AccessControlled.class, String.class);
                assertTrue(fill.isAnnotationPresent(POST.class), where + ": the fill method answers POST only");
                assertEquals(ListBoxModel.class, fill.getReturnType(), where);
                assertTrue(fill.getParameters()[0].isAnnotationPresent(AncestorInPath.class), where);
                assertTrue(fill.getParameters()[1].isAnnotationPresent(QueryParameter.class), where);
                assertEquals(field, fill.getParameters()[1].getName(), where + ": the current value comes as the field's own parameter");
                String jelly;
                try (InputStream in = descriptor.clazz.getResourceAsStream(descriptor.clazz.getSimpleName() + "/config.jelly")) {
                    assertNotNull(in, where + ": config.jelly");
                    jelly = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertTrue(Pattern.compile("<f:entry field=\"" + field + "\"[^>]*>\\s*<c:select/>").matcher(jelly).find(),
                        where + ": the form shows a credentials drop-down");
                fields.add(where);
            }
        }
        assertEquals(15, fields.size(), fields.toString());
    }
}
