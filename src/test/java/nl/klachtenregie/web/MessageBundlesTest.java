package nl.klachtenregie.web;

import nl.klachtenregie.shared.Messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.klachtenregie.complaint.CaseStatus;
import nl.klachtenregie.complaint.Channel;
import nl.klachtenregie.complaint.ComplainantRole;
import nl.klachtenregie.complaint.ComplaintKind;
import nl.klachtenregie.complaint.EventType;
import nl.klachtenregie.complaint.Judgement;
import nl.klachtenregie.complaint.ObligationStatus;
import nl.klachtenregie.notification.DeliveryState;
import nl.klachtenregie.notification.MessageKind;
import nl.klachtenregie.tenant.TenantProfile;
import org.junit.jupiter.api.Test;

/**
 * Dutch first, English second, and no gaps: every UI text exists in both languages, every key a template names
 * exists, and every code the rules or the domain can show has a Dutch label.
 */
class MessageBundlesTest {

    private static Properties load(String bundle, String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + bundle + "_" + lang
                + ".properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private static Set<String> keys(String lang) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : Messages.BUNDLES) {
            load(bundle, lang).stringPropertyNames().forEach(keys::add);
        }
        return keys;
    }

    @Test
    void everyDutchTextHasAnEnglishOneAndViceVersa() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            Set<String> nl = new TreeSet<>(load(bundle, "nl").stringPropertyNames());
            Set<String> en = new TreeSet<>(load(bundle, "en").stringPropertyNames());
            Set<String> onlyNl = new TreeSet<>(nl);
            onlyNl.removeAll(en);
            Set<String> onlyEn = new TreeSet<>(en);
            onlyEn.removeAll(nl);
            assertEquals(Set.of(), onlyNl, bundle + ": Dutch keys without English text");
            assertEquals(Set.of(), onlyEn, bundle + ": English keys without Dutch text");
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> nl = keys("nl");
        Pattern literal = Pattern.compile("\\(?t \"([a-zA-Z0-9_.]*[a-zA-Z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/views"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".hbs")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!nl.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyStatusEventActionAndChoiceHasADutchLabel() throws IOException {
        Set<String> nl = keys("nl");
        Set<String> missing = new TreeSet<>();
        for (EventType t : EventType.values()) {
            require(nl, missing, "event." + t, "action." + t);
        }
        Arrays.stream(CaseStatus.values()).forEach(s -> require(nl, missing, "status." + s));
        Arrays.stream(ComplaintKind.values()).forEach(s -> require(nl, missing, "kind." + s));
        Arrays.stream(Channel.values()).forEach(s -> require(nl, missing, "channel." + s));
        Arrays.stream(ComplainantRole.values()).forEach(s -> require(nl, missing, "role." + s));
        Arrays.stream(Judgement.values()).forEach(s -> require(nl, missing, "judgement." + s));
        Arrays.stream(ObligationStatus.values()).forEach(s -> require(nl, missing, "obligation.status." + s));
        Arrays.stream(MessageKind.values()).forEach(k -> require(nl, missing, "notify.kind." + k));
        Arrays.stream(DeliveryState.values()).forEach(s -> require(nl, missing, "notify.state." + s,
                "notify.stateHelp." + s, "notify.retry.refused." + s));
        TenantProfile.PublicForm.FIELDS.forEach(f -> require(nl, missing, "notify.settings.field." + f));
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyObligationTheRulesCanEmitSaysWhatToDo() throws IOException {
        Set<String> nl = keys("nl");
        Pattern obligation = Pattern.compile("new Obligation\\(\"([A-Z_]+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = obligation.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertTrue(codes.size() >= 5, () -> "found only " + codes);
        List<String> missing = codes.stream().filter(c -> !nl.contains("obligation." + c)).toList();
        assertEquals(List.of(), missing);
    }

    private static void require(Set<String> keys, Set<String> missing, String... wanted) {
        for (String k : wanted) {
            if (!keys.contains(k)) {
                missing.add(k);
            }
        }
    }
}
