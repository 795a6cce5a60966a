package nl.klachtenregie.profile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import jakarta.validation.Validator;
import java.util.Map;
import nl.klachtenregie.web.FieldErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The e-mail rule of the admin forms is an annotation; the bridge turns its violation into the page's message key. */
class AdminFormsValidationTest {

    private static ApplicationContext context;
    private static Validator validator;

    @BeforeAll
    static void start() {
        // No server: just the validator and the constraint's bean.
        context = ApplicationContext.run();
        validator = context.getBean(Validator.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static Map<String, String> errors(Object form) {
        FieldErrors errors = new FieldErrors();
        errors.addViolations(validator.validate(form));
        return errors.asMap();
    }

    @Test
    void anAddressThatIsNotOnePlainAddressGetsTheBundlesMessageKey() {
        assertEquals(Map.of("email", AdminForms.EMAIL_INVALID), errors(new AdminForms.EmailForm("geen-adres", null)));
        assertEquals(Map.of("email", AdminForms.EMAIL_INVALID),
                errors(new AdminForms.EmailForm("a@b.nl, c@d.nl", null)));
        assertEquals(Map.of("email", AdminForms.EMAIL_INVALID), errors(new AdminForms.NewUserForm("u", "U", "p", "p",
                null, "fout adres@impuls", null)));
    }

    @Test
    void emptyIsNoAddressAndSurroundingBlanksAreStripped() {
        assertEquals(Map.of(), errors(new AdminForms.EmailForm("", null)));
        assertEquals(Map.of(), errors(new AdminForms.EmailForm(null, null)));
        assertEquals(Map.of(), errors(new AdminForms.EmailForm("  mila@klimkoord.example ", null)));
        assertEquals(Map.of(), errors(new AdminForms.NewUserForm(null, null, null, null, null, null, null)));
    }
}
