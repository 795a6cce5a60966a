package nl.klachtenregie.regulation.web;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import nl.klachtenregie.regulation.RegulationParameters;
import nl.klachtenregie.regulation.RegulationParameters.Kpi;
import nl.klachtenregie.regulation.RegulationParameters.Referral;
import nl.klachtenregie.regulation.RegulationParameters.Report;
import nl.klachtenregie.regulation.RegulationParameters.Suspension;
import nl.klachtenregie.regulation.RegulationParameters.Term;
import nl.klachtenregie.tenant.TenantProfile;
import nl.klachtenregie.shared.Messages;

/**
 * Wat verandert er voor nieuwe klachten: the form's parameters of a draft against those of the version new complaints
 * follow now, in plain words for the person who activates it (terms with old and new, extension, registration, KPIs,
 * reports, escalation, external bodies, suspension, roll-over). Rungs, bodies and service lines are named as the
 * profile names them; codes appear only where the regulation's own codes are the subject (a term's code).
 */
final class RegulationSummary {

    /** One change: {@code kind} ADDED, REMOVED or CHANGED; before or after "" when absent on that side. */
    record Item(String kind, String subject, String before, String after) {
    }

    /** The changes of one part of the form, under its heading. */
    record Section(String id, String title, List<Item> items) {
    }

    private final Messages messages;
    private final Locale locale;
    private final TenantProfile profile;

    RegulationSummary(Messages messages, Locale locale, TenantProfile profile) {
        this.messages = messages;
        this.locale = locale;
        this.profile = profile;
    }

    /** The sections with at least one change; {@code before} null: no version yet, everything is new. */
    List<Section> changes(@Nullable RegulationParameters before, RegulationParameters after) {
        List<Section> out = new ArrayList<>();
        add(out, "terms", "reg.sum.terms", compare(before == null ? List.of() : before.terms(), after.terms(),
                t -> t.code() + "|" + t.appliesTo(), this::termSubject, this::term));
        add(out, "extensions", "reg.sum.extensions", compare(before == null ? List.of() : before.extensions(),
                after.extensions(), RegulationParameters.Extension::term,
                x -> t("reg.sum.extensionOf", termName(x.term())), this::extension));
        add(out, "registration", "reg.sum.registration", single(before == null ? null : registration(before),
                registration(after), t("reg.sum.registration.subject")));
        add(out, "kpis", "reg.sum.kpis", compare(before == null ? List.of() : before.kpis(), after.kpis(), Kpi::code,
                Kpi::label, this::kpi));
        add(out, "reports", "reg.sum.reports", compare(before == null ? List.of() : before.reports(), after.reports(),
                Report::code, r -> words(r.code()) + " (" + r.code() + ")", this::report));
        add(out, "escalation", "reg.sum.escalation", single(before == null ? null : escalation(before),
                escalation(after), t("reg.sum.escalation.subject")));
        add(out, "bodies", "reg.sum.bodies", compare(before == null ? List.of() : before.externalBodies(),
                after.externalBodies(), r -> r.body() + "|" + r.appliesTo() + "|" + r.serviceLine() + "|" + r.atLevel(),
                r -> bodyName(r.body()), this::referral));
        add(out, "suspensions", "reg.sum.suspensions", compare(before == null ? List.of() : before.suspensions(),
                after.suspensions(), Suspension::term, s -> RegulationParameters.EVERY_TERM.equals(s.term())
                        ? t("reg.sum.everyTerm") : termName(s.term()), this::suspension));
        add(out, "rollOver", "reg.sum.rollOver", single(before == null ? null : rollOver(before), rollOver(after),
                t("reg.sum.rollOver.subject")));
        return out;
    }

    private void add(List<Section> out, String id, String title, List<Item> items) {
        if (!items.isEmpty()) {
            out.add(new Section(id, t(title), items));
        }
    }

    private <T> List<Item> compare(List<T> before, List<T> after, Function<T, String> key, Function<T, String> subject,
                                   Function<T, String> describe) {
        Map<String, T> a = new LinkedHashMap<>();
        before.forEach(x -> a.putIfAbsent(key.apply(x), x));
        Map<String, T> b = new LinkedHashMap<>();
        after.forEach(x -> b.putIfAbsent(key.apply(x), x));
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<Item> items = new ArrayList<>();
        for (String k : keys) {
            T x = a.get(k);
            T y = b.get(k);
            String was = x == null ? "" : describe.apply(x);
            String now = y == null ? "" : describe.apply(y);
            if (x == null) {
                items.add(new Item("ADDED", subject.apply(y), "", now));
            } else if (y == null) {
                items.add(new Item("REMOVED", subject.apply(x), was, ""));
            } else if (!was.equals(now)) {
                items.add(new Item("CHANGED", subject.apply(y), was, now));
            }
        }
        return items;
    }

    private List<Item> single(@Nullable String before, String after, String subject) {
        if (before == null) {
            return List.of(new Item("ADDED", subject, "", after));
        }
        return before.equals(after) ? List.of() : List.of(new Item("CHANGED", subject, before, after));
    }

    // --- descriptions -----------------------------------------------------------------------------------------

    private String termSubject(Term x) {
        return termName(x.code()) + ", " + t("reg.sum.for." + x.appliesTo());
    }

    /** "Contact opnemen met de klager (CONTACT)"; a code of the organisation's own in words: "Nazorg (NAZORG)". */
    private String termName(String code) {
        String key = "obligation." + code;
        String name = messages.get(locale, key);
        return (name.equals(key) ? words(code) : name) + " (" + code + ")";
    }

    private static String words(String code) {
        String w = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private String term(Term x) {
        String start = switch (x.startsAt()) {
            case RegulationParameters.RECEIVED -> t("reg.sum.start.RECEIVED");
            case RegulationParameters.ESCALATED -> x.startLevel().isEmpty() ? t("reg.sum.start.escalated")
                    : t("reg.sum.start.level", levelName(x.startLevel()));
            default -> t("reg.sum.start.event", t("event." + x.startsAt()));
        };
        StringBuilder s = new StringBuilder("NONE".equals(x.unit())
                ? t("reg.sum.term.none", start, t("event." + x.satisfiedBy()))
                : t("reg.sum.term", amount(x.amount(), x.unit()), start, t("event." + x.satisfiedBy())));
        if (!x.statute().isEmpty()) {
            s.append("; ").append(t("reg.sum.statute", x.statute()));
        }
        if (!x.label().isEmpty()) {
            s.append("; ").append("NONE".equals(x.unit()) ? t("reg.sum.label.none", x.label())
                    : t("reg.sum.label", amount(x.amount(), x.unit()), x.label()));
        }
        return s.toString();
    }

    private String extension(RegulationParameters.Extension x) {
        String s = t("reg.sum.extension", x.maxCount(), amount(x.amount(), x.unit()));
        if (x.announceBeforeDue()) {
            s += "; " + t("reg.sum.extension.announce");
        }
        if (x.beyondWithConsent()) {
            s += "; " + t("reg.sum.extension.consent");
        }
        return s;
    }

    private String registration(RegulationParameters p) {
        var r = p.registration();
        List<String> parts = new ArrayList<>();
        if (r.formal()) {
            parts.add(t("reg.sum.reg.formal"));
        }
        if (r.informal()) {
            parts.add(t("reg.sum.reg.informal"));
        } else {
            if (r.repeatedAboutSamePerson()) {
                parts.add(t("reg.sum.reg.person"));
            }
            if (r.repeatedAboutSameSubject()) {
                parts.add(t("reg.sum.reg.subject"));
            }
            if (r.unwantedBehaviour()) {
                parts.add(t("reg.sum.reg.unwanted"));
            }
        }
        return parts.isEmpty() ? t("reg.sum.reg.none") : String.join("; ", parts);
    }

    private String kpi(Kpi k) {
        boolean share = k.measure().startsWith(RegulationParameters.ON_TIME);
        String target = share ? BigDecimal.valueOf(k.target() * 100).stripTrailingZeros().toPlainString() + "%"
                : BigDecimal.valueOf(k.target()).stripTrailingZeros().toPlainString();
        String measure = share ? t("reg.sum.kpi.onTime", termName(k.measure().substring(RegulationParameters.ON_TIME
                .length())))
                : t("reg.sum.kpi.formal");
        return t("reg.sum.kpi", measure, t("reg.cmp." + k.comparator()), target);
    }

    private String report(Report r) {
        return t("reg.sum.report", t("reg.sum.period." + r.period()), r.audience(), String.join("; ", r.sections()));
    }

    private String escalation(RegulationParameters p) {
        var e = p.escalation();
        if (!e.any()) {
            return t("reg.sum.escalation.none");
        }
        return t(e.maySkip() ? "reg.sum.escalation.skip" : "reg.sum.escalation.next")
                + ", " + t("reg.sum.for." + e.appliesTo());
    }

    private String referral(Referral r) {
        StringBuilder s = new StringBuilder(t("reg.sum.for." + r.appliesTo()));
        if (!r.serviceLine().isEmpty()) {
            s.append(", ").append(t("reg.sum.body.line", lineName(r.serviceLine())));
        }
        if (!r.atLevel().isEmpty()) {
            s.append(", ").append(t("reg.sum.body.level", levelName(r.atLevel())));
        }
        s.append("; ").append(t(r.endsOwnDuty() ? "reg.sum.body.takesOver" : "reg.sum.body.supports"));
        return s.toString();
    }

    private String suspension(Suspension s) {
        String days = s.maxDays() == 0 ? t("reg.sum.suspension.unlimited") : t("reg.sum.suspension.days", s.maxDays());
        return days + "; " + t(s.statutoryToo() ? "reg.sum.suspension.statutory" : "reg.sum.suspension.own");
    }

    private String rollOver(RegulationParameters p) {
        return t(p.rollOverOwnTerms() ? "reg.sum.rollOver.yes" : "reg.sum.rollOver.no");
    }

    private String amount(int amount, String unit) {
        return t("reg.sum.unit." + unit, amount);
    }

    private String levelName(String code) {
        return profile.escalationLadder().stream().filter(l -> l.code().equals(code)).findFirst()
                .map(TenantProfile.EscalationLevel::role).orElse(code);
    }

    private String bodyName(String code) {
        return profile.externalBody(code).map(TenantProfile.ExternalBody::name).orElse(code);
    }

    private String lineName(String code) {
        return profile.serviceLines().stream().filter(l -> Objects.equals(l.code(), code)).findFirst()
                .map(TenantProfile.ServiceLine::name).orElse(code);
    }

    private String t(String key, Object... args) {
        return messages.get(locale, key, args);
    }
}
