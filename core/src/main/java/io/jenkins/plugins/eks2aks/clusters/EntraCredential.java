package io.jenkins.plugins.eks2aks.clusters;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The run's Entra ID credential, with its failures told in one line: which credential (its source, never its secret)
 * and which authority refused it. A refusal is remembered: the same secret is refused again, so later token requests
 * (the Azure pipeline's retries, every image of a batch) fail at once instead of asking Entra ID again.
 */
public final class EntraCredential implements TokenCredential {

    /** Hosts MSAL trusts for instance discovery; any other authority is asked directly, with discovery off. */
    private static final Set<String> MICROSOFT_AUTHORITIES = Set.of("login.microsoftonline.com", "login.windows.net",
            "login.microsoft.com", "sts.windows.net", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn",
            "login.microsoftonline.de", "login.microsoftonline.us", "login.usgovcloudapi.net", "login-us.microsoftonline.com");

    private final TokenCredential delegate;
    private final String source;
    private final String authority;
    private volatile CloudAuthenticationException refused;

    /**
     * @param delegate  the SDK credential
     * @param source    where it came from ({@code AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID}, a Jenkins credential id)
     * @param authority the authority with the tenant, e.g. {@code https://login.microsoftonline.com/TENANT}
     */
    public EntraCredential(TokenCredential delegate, String source, String authority) {
        this.delegate = delegate;
        this.source = source;
        this.authority = authority;
    }

    /** Whether MSAL's instance discovery may be used for this authority host (Microsoft's own clouds only). */
    public static boolean isMicrosoftAuthority(String host) {
        return host != null && MICROSOFT_AUTHORITIES.contains(host.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.defer(() -> {
            CloudAuthenticationException known = refused;
            return known != null ? Mono.<AccessToken>error(again(known)) : delegate.getToken(request);
        }).onErrorMap(e -> !(e instanceof CloudAuthenticationException), this::explain);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        CloudAuthenticationException known = refused;
        if (known != null) {
            throw again(known);
        }
        try {
            return delegate.getTokenSync(request);
        } catch (CloudAuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    /** A new exception each time: callers (the SDK's retry policy) attach earlier failures to the last one as suppressed. */
    private static CloudAuthenticationException again(CloudAuthenticationException known) {
        return rejection(known.getMessage(), known.getSuppressed().length > 0 ? known.getSuppressed()[0] : null);
    }

    private CloudAuthenticationException explain(Throwable e) {
        if (unreachable(e)) {
            // Not a verdict on the credential: not remembered, a later request may get through.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return rejection("Cannot reach Entra ID at " + authority + " to sign in with the credential from " + source + ": "
                    + firstLine(root), e);
        }
        CloudAuthenticationException failure = rejection("Entra ID at " + authority + " rejected the credential from " + source
                + ": " + firstLine(e), e);
        refused = failure;
        return failure;
    }

    /**
     * The SDK's exception is attached as suppressed, not as the cause: azure-core's retry policy retries when any cause
     * in the chain looks retryable, and a refused sign-in must not be repeated.
     */
    private static CloudAuthenticationException rejection(String message, Throwable sdk) {
        CloudAuthenticationException e = new CloudAuthenticationException(message);
        if (sdk != null) {
            e.addSuppressed(sdk);
        }
        return e;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
            if (t.getClass().getName().equals("com.microsoft.aad.msal4j.MsalServiceException")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The service's own words: AADSTS code and sentence, without the SDK's prefix and without the trace and correlation
     * ids that follow on the next lines.
     */
    private static String firstLine(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("AADSTS")) {
                deepest = t;
            }
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        String line = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        int code = line.indexOf("AADSTS");
        return code > 0 ? line.substring(code) : line;
    }
}
