package io.jenkins.plugins.eks2aks.images.acr;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import io.jenkins.plugins.eks2aks.images.registry.JsonValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Why one ACR import failed, in ARM's words: the error code and message of the refused request or of the operation
 * that ended {@code Failed} (ARM's operation status body, {@code {"status":"Failed","error":{"code","message"}}},
 * which the SDK's poll result carries), and whether trying again can help.
 *
 * @param code      ARM's error code, or null when ARM gave none
 * @param message   one line
 * @param retryable false for failures that repeat identically (a refused parameter, a conflict, something missing)
 */
public record ImportFailure(String code, String message, boolean retryable) {

    /** ARM error codes that mean the same import fails the same way every time. */
    private static final Set<String> DETERMINISTIC = Set.of("Conflict", "InvalidParameters", "NotFound", "BadRequest",
            "InvalidRequestContent", "AuthorizationFailed", "LinkedAuthorizationFailed");

    /** {@code code: message}, or the message alone. */
    public String describe() {
        return code == null ? message : code + ": " + message;
    }

    /**
     * A request ARM answered with an error: 4xx other than 408/429 are refusals; a 200/202 is an operation whose polling
     * the SDK turned into an exception, judged by its code.
     */
    static ImportFailure of(ManagementException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
        String code = e.getValue() == null ? null : e.getValue().getCode();
        String message = e.getValue() != null && e.getValue().getMessage() != null ? e.getValue().getMessage() : e.getMessage();
        boolean transientStatus = status == 0 || status == 200 || status == 202 || status == 408 || status == 429
                || status >= 500;
        return new ImportFailure(code, oneLine(message), transientStatus && !deterministic(code));
    }

    /** An operation that ended {@code Failed} (or {@code Canceled}); {@code status} names it when ARM sent no error. */
    static ImportFailure of(PollResult.Error error, String status) {
        if (error == null) {
            return new ImportFailure(null, "the import operation ended " + status + " without an error", true);
        }
        String code = null;
        String message = null;
        if (error.getResponseBody() != null && !error.getResponseBody().isBlank()) {
            try {
                Map<String, Object> body = JsonValues.object(error.getResponseBody().getBytes(StandardCharsets.UTF_8));
                Map<String, Object> details = JsonValues.child(body, "error");
                if (details != null) {
                    code = details.get("code") instanceof String s ? s : null;
                    message = details.get("message") instanceof String s ? s : null;
                }
            } catch (IOException e) {
                // Not JSON (a proxy's page): the SDK's own message below says what happened.
            }
        }
        if (message == null || message.isBlank()) {
            message = error.getMessage() != null ? error.getMessage() : "the import operation ended " + status;
        }
        return new ImportFailure(code, oneLine(message), !deterministic(code));
    }

    private static boolean deterministic(String code) {
        return code != null && (DETERMINISTIC.contains(code) || code.endsWith("NotFound"));
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s+", " ").strip();
    }
}
