package io.jenkins.plugins.eks2aks.images.registry;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code Link: <…>; rel="next"} header by which registries page listings (catalog, tags, referrers). */
final class Links {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private Links() {
    }

    /** The path and query of the next page (the link may be absolute or relative), or null on the last page. */
    static String next(String link) {
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        if (!m.find()) {
            return null;
        }
        URI uri = URI.create(m.group(1));
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
