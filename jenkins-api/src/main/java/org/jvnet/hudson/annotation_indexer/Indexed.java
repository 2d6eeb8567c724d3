// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
// The real annotation processor (annotation-indexer, not on Maven Central) is not run: the plugin's Symbol index
// is written by hand and checked by HpiPackagingIT.
package org.jvnet.hudson.annotation_indexer;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Documented
@Retention(RUNTIME)
@Target(ANNOTATION_TYPE)
public @interface Indexed {
}
