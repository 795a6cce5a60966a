package nl.klachtenregie.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.klachtenregie.letter.LetterTemplateFiles;
import nl.klachtenregie.regulation.RegulationAdministration;
import nl.klachtenregie.regulation.RegulationAdministration.DraftHeader;
import nl.klachtenregie.regulation.RegulationCatalog;
import nl.klachtenregie.regulation.StoredVersion;
import nl.klachtenregie.shared.ConflictException;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.support.TestDatabase;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Export then import reproduces a tenant exactly: profile, every version (drafts too, with status, parameters and
 * who activated them) and the letter templates. A broken or hostile archive is refused as a whole.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantArchiveTest implements TestPropertyProvider {

    @Inject
    TenantArchive archive;
    @Inject
    TenantDirectory tenants;
    @Inject
    RegulationCatalog catalog;
    @Inject
    RegulationAdministration admin;
    @Inject
    LetterTemplateFiles letters;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    /** The model regulation with its standard words confirmed, which activation requires (issue 13). */
    private static nl.klachtenregie.regulation.RegulationParameters confirmedModel(String name) {
        io.micronaut.json.JsonMapper json = io.micronaut.json.JsonMapper.createDefault();
        try {
            return json.readValue(json.writeValueAsString(nl.klachtenregie.regulation.RegulationParameters
                    .defaults(name)).replace(nl.klachtenregie.regulation.RegulationParameters.PLACEHOLDER,
                    "Eigen tekst"), nl.klachtenregie.regulation.RegulationParameters.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void exportThenImportReproducesTheTenantExactly() {
        Tenant klimkoord = tenants.resolve("klimkoord");
        // Something of every kind: an activated form-made version, a draft, letter templates (from the seed).
        admin.createFromForm(klimkoord, new DraftHeader("2027-01", LocalDate.of(2027, 1, 1), "Met het formulier", "f"),
                confirmedModel("Stichting Klimkoord"), "klimkoord.beheerder");
        admin.activate(klimkoord, "2027-01", 0, "klimkoord.directeur", List.of("DIRECTOR"));
        admin.copy(klimkoord, "2027-01", new DraftHeader("2028-01", LocalDate.of(2028, 1, 1), "Concept", ""),
                "klimkoord.beheerder");

        Map<String, String> exported = archive.files(klimkoord);
        assertTrue(exported.containsKey("tenants/klimkoord/tenant.yml"));
        assertTrue(exported.containsKey("tenants/klimkoord/letters/acknowledgement.hbs"));
        assertTrue(exported.containsKey("rules/klimkoord/2024-05-06/regulation.drl"));
        assertTrue(exported.containsKey("rules/klimkoord/2027-01/parameters.json"));

        Tenant copy = archive.importArchive(archive.export(klimkoord), "klimkoord-kopie", "platform.beheerder");
        Map<String, String> reexported = archive.files(copy);
        assertEquals(renamed(exported, "klimkoord", "klimkoord-kopie"), reexported);

        assertEquals(klimkoord.profile().withActivationRoles(List.of("DIRECTOR")).name(), copy.profile().name());
        assertEquals(List.of("DIRECTOR"), copy.profile().activationRoles());
        assertEquals(klimkoord.profile().escalationLadder(), copy.profile().escalationLadder());
        assertEquals(klimkoord.profile().categories(), copy.profile().categories());
        // The row version only counts saves for optimistic locking; everything else must be the same.
        List<StoredVersion> original = catalog.all(klimkoord.id()).stream().map(TenantArchiveTest::unversioned).toList();
        List<StoredVersion> imported = catalog.all(copy.id()).stream().map(TenantArchiveTest::unversioned).toList();
        assertEquals(original, imported, "versions, status, parameters, who and when: all the same");
        assertEquals(letters.export(klimkoord.id()), letters.export(copy.id()));
        assertEquals("2027-01", catalog.inForceOn(copy, LocalDate.of(2027, 6, 1)).version());
    }

    @Test
    void anArchiveOfATenantThatExistsIsRefusedUnlessRenamed() {
        Tenant impuls = tenants.resolve("impuls");
        byte[] zip = archive.export(impuls);
        ConflictException e = assertThrows(ConflictException.class,
                () -> archive.importArchive(zip, null, "platform.beheerder"));
        assertTrue(e.getMessage().contains("impuls"));
        Tenant other = archive.importArchive(zip, "impuls-twee", "platform.beheerder");
        assertEquals("impuls-twee", other.slug());
        assertEquals(2, catalog.versions(other.id()).size());
    }

    @Test
    void aHostileOrBrokenArchiveIsRefusedAndNothingIsStored() throws IOException {
        assertRefused(new byte[0], "zip");
        assertRefused("geen zip".getBytes(StandardCharsets.UTF_8), null);
        assertRefused(zip(Map.of("../../etc/passwd", "x")), "../../etc/passwd");
        assertRefused(zip(Map.of("rules/x/1/regulation.drl", "x")), "tenant.yml");
        Map<String, String> outside = new TreeMap<>(renamed(archive.files(tenants.resolve("impuls")), "impuls", "buiten"));
        outside.put("tenants/buiten/tenant.yml", outside.get("tenants/buiten/tenant.yml")
                .replace("version: '2'", "version: ../../../../etc"));
        assertRefused(zip(outside), "ongeldige versienaam");

        Map<String, String> files = new TreeMap<>(renamed(archive.files(tenants.resolve("impuls")), "impuls", "kwaad"));
        files.put("rules/kwaad/2/regulation.drl", """
                package rules.kwaad;
                import nl.klachtenregie.regulation.*;
                rule "schrijf een bestand"
                when
                    ComplaintFacts()
                then
                    new java.io.File("/tmp/kwaad").createNewFile();
                end
                """);
        byte[] hostile = zip(files);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> archive.importArchive(hostile, null, "platform.beheerder"));
        assertTrue(e.getMessage().contains("Versie 2"), e.getMessage());
        assertTrue(tenants.find("kwaad").isEmpty(), "all or nothing: the tenant was not created");
    }

    @Test
    void anArchiveWhoseActiveVersionLoopsOrEmitsWhatIntakeCannotStoreIsRefusedAsActivationWouldRefuseIt()
            throws IOException {
        // Issue 14: an import ran no trial evaluation, so a looping active version became active and its tenant's
        // public form answered 503. It passes the allowlist and compiles; only the trial cases show it.
        String looping = """
                package rules.rond;
                import nl.klachtenregie.regulation.*;
                rule "zaad"
                when
                    ComplaintFacts()
                then
                    insert(new Advice("A", "x"));
                end
                rule "elke uitkomst maakt er een nieuwe"
                when
                    Advice($c : code)
                then
                    insert(new Advice($c + "a", "x"));
                end
                """;
        String tooLong = """
                package rules.lang;
                import nl.klachtenregie.regulation.*;
                rule "dertig miljoen werkdagen"
                when
                    ComplaintFacts($r : receivedOn)
                then
                    insert(new Obligation("DECIDE", $r, 30000000, "WORKING_DAYS", "DECIDED"));
                end
                """;
        for (Map.Entry<String, String> bad : Map.of("rond", looping, "lang", tooLong).entrySet()) {
            Map<String, String> files = new TreeMap<>(renamed(archive.files(tenants.resolve("impuls")), "impuls",
                    bad.getKey()));
            files.put("rules/" + bad.getKey() + "/2/regulation.drl", bad.getValue());
            byte[] zip = zip(files);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> archive.importArchive(zip, null, "platform.beheerder"));
            assertTrue(e.getMessage().contains("Versie 2") && e.getMessage().contains("Proefberekening"),
                    e.getMessage());
            assertTrue(tenants.find(bad.getKey()).isEmpty(), "nothing is stored from a refused import");
        }
    }

    @Test
    void twoExportsOfOneTenantAreEqual() {
        Tenant izw = tenants.resolve("iederzijnwerk");
        assertArrayEquals(archive.export(izw), archive.export(izw));
        assertNotEquals(0, archive.export(izw).length);
    }

    private static StoredVersion unversioned(StoredVersion v) {
        return new StoredVersion(v.version(), v.regulation(), v.status(), v.parameters(), v.createdBy(), v.activatedBy(),
                v.activatedAt(), 0);
    }

    private void assertRefused(byte[] zip, String inMessage) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> archive.importArchive(zip, "nieuw-" + Math.abs(zip.length), "platform.beheerder"));
        if (inMessage != null) {
            assertTrue(e.getMessage().contains(inMessage), e.getMessage());
        }
    }

    private static Map<String, String> renamed(Map<String, String> files, String from, String to) {
        return files.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().replace("/" + from + "/", "/" + to + "/"),
                e -> e.getKey().endsWith("tenant.yml") ? e.getValue().replace("slug: " + from, "slug: " + to)
                        : e.getValue(), (a, b) -> a, TreeMap::new));
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
