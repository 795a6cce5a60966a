package nl.klachtenregie.shared;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * One plain e-mail address, the product's one definition of it ({@link EmailAddressValidator#isPlainAddress}): the outbox sends only to such addresses, so every
 * form that asks for an address to mail checks the same rule. Empty (null or blank) is no address, not an error;
 * make the field required separately where it must be given. The value is checked without surrounding blanks,
 * because the forms strip it before they store it.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Constraint(validatedBy = {})
public @interface EmailAddress {

    /** A message key of the page's bundle, or the literal text the API answers with. */
    String message() default "geen geldig e-mailadres";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
