package nl.klachtenregie.web;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every POST, PUT, PATCH or DELETE of the annotated controller must carry the session's CSRF token in its form
 * ({@link CsrfForm} or a form map with {@code csrfToken}); otherwise 403 and the method does not run.
 * {@code CsrfCoverageTest} fails when a form-posting controller lacks this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
@Type(CsrfInterceptor.class)
public @interface CsrfProtected {
}
