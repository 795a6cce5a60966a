package nl.klachtenregie.complaint;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** Klager: who complains, in which role, and how to reach them ({@code place} is the woonplaats). */
@Serdeable
public record Complainant(String name, ComplainantRole role, String email, String phone, String address,
                          String place) {
    public Complainant {
        Objects.requireNonNull(role, "role");
        name = blankToNull(name);
        email = blankToNull(email);
        phone = blankToNull(phone);
        address = blankToNull(address);
        place = blankToNull(place);
    }

    public Complainant(String name, ComplainantRole role, String email, String phone, String address) {
        this(name, role, email, phone, address, null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
