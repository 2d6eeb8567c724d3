// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.kohsuke.stapler;

// The real interface has two default generateResponse(...) methods (StaplerRequest2/StaplerResponse2 and the
// deprecated javax variant); the plugin never calls them, so they are left out.
public interface HttpResponse {
}
