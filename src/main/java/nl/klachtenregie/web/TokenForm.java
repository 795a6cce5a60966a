package nl.klachtenregie.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A form that only says "do it" (deactivate, retry, restore): just the CSRF token. */
@Serdeable
public record TokenForm(@Nullable String csrfToken) implements CsrfForm {
}
