package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** Klager: who complains, in which role, and how to reach them. */
@Serdeable
public record Complainant(String name, ComplainantRole role, String email, String phone, String address) {
    public Complainant {
        Objects.requireNonNull(role, "role");
        name = blankToNull(name);
        email = blankToNull(email);
        phone = blankToNull(phone);
        address = blankToNull(address);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
