package nl.klachtenregie.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No page can change anything without the CSRF check: every state-changing route of a page controller (all
 * controllers outside {@code /api}, which takes JSON with HTTP Basic) is {@link CsrfProtected}, except the routes
 * listed in {@link #SIGNED_FORM_ROUTES}.
 */
class CsrfCoverageTest {

    /**
     * Anonymous posts that change something without a session: a forged cross-site post has no one's rights to
     * borrow, and the form's own signed token ({@code publicform.FormTokens}, tested in {@code PublicFormTest})
     * takes the CSRF token's place.
     */
    private static final List<String> SIGNED_FORM_ROUTES = List.of("PublicFormController.submit");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.klachtenregie");

    @Test
    void everyStateChangingPageRouteChecksTheCsrfToken() {
        List<String> unprotected = new ArrayList<>();
        int routes = 0;
        for (JavaClass c : classes) {
            if (!c.isAnnotatedWith(Controller.class)) {
                continue;
            }
            String base = c.getAnnotationOfType(Controller.class).value();
            if (base.startsWith("/api")) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                boolean changes = m.isAnnotatedWith(Post.class) || m.isAnnotatedWith(Put.class)
                        || m.isAnnotatedWith(Patch.class) || m.isAnnotatedWith(Delete.class);
                if (!changes) {
                    continue;
                }
                routes++;
                if (!c.isAnnotatedWith(CsrfProtected.class) && !m.isAnnotatedWith(CsrfProtected.class)
                        && !SIGNED_FORM_ROUTES.contains(c.getSimpleName() + "." + m.getName())) {
                    unprotected.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(routes >= 5, "found only " + routes + " state-changing page routes");
        assertEquals(List.of(), unprotected);
    }
}
