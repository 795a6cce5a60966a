package nl.klachtenregie.profile;

import nl.klachtenregie.shared.ConflictException;

/** Code bezet: another tenant already has this slug (answered with 409, the form keeps what was typed). */
public class SlugTakenException extends ConflictException {
    public SlugTakenException(String slug) {
        super("Er bestaat al een organisatie met de code '" + slug + "'. Kies een andere code.");
    }
}
