package nl.klachtenregie.report;

import nl.klachtenregie.shared.Messages;
import nl.klachtenregie.tenant.TenantProfile;

/**
 * The Dutch names of codes in a report: statuses, kinds, channels, judgements, events and obligations as the case
 * pages name them (the {@code cases} message bundle), categories, service lines and ladder rungs as the tenant's
 * profile names them. A report is a Dutch document for the board, whatever the language of the page.
 */
final class Labels {

    // The same message source as every page (Dutch, as a report is a Dutch document), not a copy of its bundle.
    private static final Messages TEXTS = new Messages();

    private final TenantProfile profile;

    Labels(TenantProfile profile) {
        this.profile = profile;
    }

    /** The Dutch text of a bundle key, or null when no bundle has it. */
    private static String dutch(String key) {
        String text = TEXTS.get(Messages.DUTCH, key);
        return text.equals(key) ? null : text;
    }

    /** The bundle's name of {@code prefix.value}, or the value itself when it has none. */
    static String of(String prefix, Object value) {
        if (value == null) {
            return "";
        }
        String name = dutch(prefix + "." + value);
        return name == null ? value.toString() : name;
    }

    static String obligation(String code) {
        String name = dutch("obligation." + code);
        return name == null ? code : name;
    }

    String category(String code) {
        return profile.categories().stream().filter(c -> c.code().equals(code)).map(TenantProfile.Category::name)
                .findFirst().orElse(code == null ? "" : code);
    }

    String serviceLine(String code) {
        if (code == null) {
            return "";
        }
        return profile.serviceLines().stream().filter(s -> s.code().equals(code))
                .map(TenantProfile.ServiceLine::name).findFirst().orElse(code);
    }

    String level(String code) {
        if (code == null) {
            return "";
        }
        return profile.escalationLadder().stream().filter(l -> l.code().equals(code))
                .map(TenantProfile.EscalationLevel::role).findFirst().orElse(code);
    }

    static String yesNo(boolean b) {
        return b ? "ja" : "nee";
    }

    static String measureKind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "CORRECTIVE" -> "correctief";
            case "PREVENTIVE" -> "preventief";
            default -> kind == null ? "" : kind;
        };
    }

    static String measureLevel(String level) {
        return switch (level == null ? "" : level) {
            case "ORGANISATION" -> "organisatie";
            case "CLIENT" -> "cliënt";
            default -> level == null ? "" : level;
        };
    }

    static String measureStatus(String status) {
        return switch (status == null ? "" : status) {
            case "PROPOSED" -> "voorgesteld";
            case "OPEN" -> "open";
            case "DONE" -> "uitgevoerd";
            case "CANCELLED" -> "vervallen";
            default -> status == null ? "" : status;
        };
    }

    static String effectiveness(String e) {
        return switch (e == null ? "" : e) {
            case "EFFECTIVE" -> "effectief";
            case "PARTLY" -> "deels effectief";
            case "NOT_EFFECTIVE" -> "niet effectief";
            default -> e == null ? "" : e;
        };
    }

    static String origin(String type) {
        return switch (type == null ? "" : type) {
            case "COMPLAINTS" -> "klacht(en)";
            case "KPI_BREACH" -> "kengetal niet gehaald";
            case "TREND" -> "trend";
            case "OTHER" -> "anders";
            default -> type == null ? "" : type;
        };
    }

    static String trend(String type) {
        return switch (type == null ? "" : type) {
            case "REPEATED_PERSON" -> "Herhaalde klachten over dezelfde persoon";
            case "REPEATED_SUBJECT" -> "Herhaalde klachten over hetzelfde onderwerp";
            case "RISING_CATEGORY" -> "Stijgende categorie ten opzichte van de vorige periode";
            default -> type == null ? "" : type;
        };
    }

    static String comparator(String c) {
        return switch (c == null ? "" : c) {
            case "LT" -> "minder dan";
            case "LE" -> "hoogstens";
            case "GE" -> "minstens";
            case "GT" -> "meer dan";
            default -> "";
        };
    }

    /** What the product calls the content of a section code. */
    static String section(String code) {
        return switch (code) {
            case "TOTALS" -> "Totalen";
            case "REGISTER" -> "Klachtenregister";
            case "LATE" -> "Niet binnen de termijn afgehandeld";
            case "NOT_HANDLED" -> "Ingediend maar niet behandeld";
            case "SATISFACTION" -> "Tevredenheid over de afhandeling";
            case "NATURE" -> "Aard en inhoud";
            case "HANDLING" -> "Wijze van behandeling";
            case "DECISIONS" -> "Beslissingen";
            case "KPIS" -> "Kengetallen";
            case "TRENDS" -> "Trends";
            case "MEASURES" -> "Maatregelen";
            case "CORRECTIVE_MEASURES" -> "Correctieve maatregelen";
            case "PREVENTIVE_MEASURES" -> "Preventieve maatregelen";
            case "EFFECTIVENESS" -> "Effectiviteit van de maatregelen";
            case "IMPROVEMENT_PROPOSALS" -> "Verbetervoorstellen";
            case "BOTTLENECKS" -> "Knelpunten";
            case "INFORMAL_NOTES" -> "Aantekeningen van informeel opgeloste klachten";
            case "INTERNALLY_RESOLVED" -> "Intern opgeloste klachten";
            case "CLOSED_PROCEDURES" -> "Afgeronde klachtenprocedures";
            case "CONCLUSIONS" -> "Conclusies";
            default -> code;
        };
    }
}
