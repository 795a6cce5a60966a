package nl.klachtenregie.shared;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/** Checks {@link EmailAddress}; a bean, so Micronaut's validator finds it without reflection. */
@Singleton
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, CharSequence> {

    /** The longest address an SMTP path allows. */
    public static final int MAX_LENGTH = 254;

    /** Letters, digits and the usual punctuation around one @; no spaces, no line breaks, no display name. */
    private static final Pattern PATTERN =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /** Whether this (already stripped) text is one plain address under the product's rule. */
    public static boolean isPlainAddress(String stripped) {
        return stripped != null && stripped.length() <= MAX_LENGTH && PATTERN.matcher(stripped).matches();
    }

    @Override
    public boolean isValid(@Nullable CharSequence value, @NonNull AnnotationValue<EmailAddress> annotation,
                           @NonNull ConstraintValidatorContext context) {
        if (value == null || value.toString().isBlank()) {
            return true;
        }
        return isPlainAddress(value.toString().strip());
    }
}
