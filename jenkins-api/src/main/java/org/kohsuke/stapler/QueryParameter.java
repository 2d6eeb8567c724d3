// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// The real type is also meta-annotated @InjectedParameter(QueryParameter.HandlerImpl.class); that only matters to
// Stapler at runtime, where the real class is loaded, so it is left out here.
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";

    boolean required() default false;

    boolean fixEmpty() default false;
}
