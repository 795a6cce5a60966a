package nl.klachtenregie.letter;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.tenant.TenantId;

/**
 * Briefsjablonen als bestanden: a tenant's own letter templates in the file format of
 * {@code tenants/<slug>/letters/<kind>.hbs}, for export and import. Kinds without an own template use the defaults
 * and are not exported.
 */
@Singleton
public class LetterTemplateFiles {

    private final LetterTemplateRepository templates;
    private final LetterStore store;
    private final LetterRenderer renderer;

    LetterTemplateFiles(LetterTemplateRepository templates, LetterStore store, LetterRenderer renderer) {
        this.templates = templates;
        this.store = store;
        this.renderer = renderer;
    }

    /** File name to file text, by file name. */
    @Transactional
    public Map<String, String> export(TenantId tenant) {
        Map<String, String> files = new TreeMap<>();
        for (LetterTemplateRow t : templates.findByTenantId(tenant.value())) {
            files.put(t.kind().templateFile(), "Onderwerp: " + t.subject() + "\n" + t.body());
        }
        return files;
    }

    /**
     * Stores the files as the tenant's own templates, each checked as the editor checks it.
     *
     * @throws InvalidInputException naming the file when one is not a valid template
     */
    @Transactional
    public void importFiles(TenantId tenant, Map<String, String> files) {
        files.forEach((name, text) -> {
            LetterKind kind = LetterKind.ofTemplateFile(name);
            if (kind == null) {
                throw InvalidInputException.of("letters", name + " is geen briefsoort");
            }
            LetterTemplate template;
            try {
                template = LetterTemplate.parse(text);
                renderer.check(template);
            } catch (IllegalArgumentException | LetterTemplateException e) {
                throw InvalidInputException.of("letters", name + ": " + e.getMessage());
            }
            store.addTemplateIfAbsent(tenant, kind, template);
        });
    }
}
