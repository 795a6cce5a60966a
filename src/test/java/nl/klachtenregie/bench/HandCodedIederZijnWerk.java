package nl.klachtenregie.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.klachtenregie.regulation.Addressee;
import nl.klachtenregie.regulation.Advice;
import nl.klachtenregie.regulation.ComplaintFacts;
import nl.klachtenregie.regulation.EscalationOption;
import nl.klachtenregie.regulation.EvaluationFacts;
import nl.klachtenregie.regulation.EventFacts;
import nl.klachtenregie.regulation.ExtensionPolicy;
import nl.klachtenregie.regulation.ExternalBodyReference;
import nl.klachtenregie.regulation.Inadmissible;
import nl.klachtenregie.regulation.KpiTarget;
import nl.klachtenregie.regulation.Obligation;
import nl.klachtenregie.regulation.Refusal;
import nl.klachtenregie.regulation.Registration;
import nl.klachtenregie.regulation.RegulationOutcome;
import nl.klachtenregie.regulation.ReportDuty;
import nl.klachtenregie.regulation.TenantFacts;
import nl.klachtenregie.regulation.Waiver;

/**
 * The IederZijnWerk Ambulant klachtenprocedure (rules/iederzijnwerk/1/regulation.drl) written out in plain Java, as
 * the baseline for the benchmark: same emissions, same texts, same number of "firings" (one per emission, as each
 * DRL rule inserts exactly one record per match); basis names are left empty. Not thread-hostile: no state.
 *
 * <p>Mirrors the DRL as it was when this was written; the benchmark re-checks the two agree at start.
 */
final class HandCodedIederZijnWerk {

    private static final String ARBEIDSCOACHING = "ARBEIDSCOACHING";
    private static final String COMPLAINTS_OFFICER = "COMPLAINTS_OFFICER";
    private static final String DISPUTES_COMMITTEE = "DISPUTES_COMMITTEE";

    private static final String CONTACT_FIELDS = "'naam, adres, woonplaats, telefoonnummer en een beschrijving van de "
            + "klacht' vastgelegd in het speciale klachtenformulier.";

    RegulationOutcome evaluate(EvaluationFacts facts) {
        List<Obligation> obligations = new ArrayList<>(4);
        List<Waiver> waivers = new ArrayList<>(1);
        List<ExtensionPolicy> extensions = new ArrayList<>(1);
        List<Inadmissible> inadmissible = new ArrayList<>(1);
        List<Refusal> refusals = new ArrayList<>(1);
        List<EscalationOption> escalation = new ArrayList<>(2);
        List<ExternalBodyReference> bodies = new ArrayList<>(2);
        List<Advice> advice = new ArrayList<>(6);
        List<Addressee> addressees = new ArrayList<>(1);
        List<KpiTarget> kpis = new ArrayList<>(2);
        List<ReportDuty> reports = new ArrayList<>(1);

        TenantFacts tenant = facts.tenant();
        ComplaintFacts c = facts.complaint();
        if (c != null) {
            complaint(tenant, c, facts.events(), obligations, waivers, extensions, inadmissible, refusals,
                    escalation, bodies, advice, addressees);
        }
        tenantWide(kpis, reports);

        // The Arbeidscoaching referral is one rule inserting two outcomes.
        int twoInOne = (int) bodies.stream().filter(b -> b.body().equals("ARBEIDSCOACHING_PROCEDURE")).count();
        int fired = -twoInOne + obligations.size() + waivers.size() + extensions.size() + inadmissible.size() + refusals.size()
                + escalation.size() + bodies.size() + advice.size() + addressees.size() + kpis.size() + reports.size();
        return new RegulationOutcome(obligations, waivers, extensions, List.<Registration>of(), inadmissible,
                refusals, escalation, bodies, advice, addressees, kpis, reports, fired);
    }

    private static void complaint(TenantFacts tenant, ComplaintFacts c, List<EventFacts> events,
                                  List<Obligation> obligations, List<Waiver> waivers,
                                  List<ExtensionPolicy> extensions, List<Inadmissible> inadmissible,
                                  List<Refusal> refusals, List<EscalationOption> escalation,
                                  List<ExternalBodyReference> bodies, List<Advice> advice,
                                  List<Addressee> addressees) {
        LocalDate r = c.receivedOn();
        boolean arbeidscoaching = ARBEIDSCOACHING.equals(c.serviceLine());
        boolean tooOld = c.incidentOlderThan(1, "YEARS");
        boolean formal = "FORMAL".equals(c.kind());
        boolean informal = "INFORMAL".equals(c.kind());
        String level = c.escalationLevel();
        String next = c.nextEscalationLevel();

        // Is deze klachtenprocedure op u van toepassing?
        if (arbeidscoaching) {
            advice.add(new Advice("ARBEIDSCOACHING",
                    "De klager valt onder de klantcategorie IederZijnWerk Arbeidscoaching: wijs op de specifieke "
                            + "klachtenprocedure voor IederZijnWerk Arbeidscoaching op www.iederzijnwerk.nl; deze "
                            + "klachtenprocedure van IederZijnWerk Ambulant is niet van toepassing."));
            if (tenant.hasExternalBody("ARBEIDSCOACHING_PROCEDURE")) {
                bodies.add(new ExternalBodyReference("ARBEIDSCOACHING_PROCEDURE", true));
                obligations.add(new Obligation("REFER_OWN_PROCEDURE", r, 0, "NONE", "REFERRED_EXTERNAL"));
            }
        }
        if (tooOld) {
            advice.add(new Advice("EEN_JAAR_KPZ",
                    "De gebeurtenis ligt meer dan een jaar voor de ontvangst. Bij Klachtenportaal Zorg 'kunnen klachten "
                            + "worden ingediend over gebeurtenissen van maximaal een jaar geleden': die weg kan voor deze "
                            + "klacht gesloten zijn. IederZijnWerk behandelt de klacht zelf wel; vertel de klager dit en "
                            + "bevestig de controle."));
            obligations.add(new Obligation("CHECK_ONE_YEAR_KPZ", r, 0, "NONE", "CHECK_CONFIRMED"));
        }
        if ("OTHER".equals(c.complainantRole())) {
            advice.add(new Advice("KLAGER",
                    "Klager is volgens de klachtenprocedure de klant zelf, de wettelijk vertegenwoordiger van de "
                            + "klant of een nabestaande van een overleden klant: ga na in welke hoedanigheid deze "
                            + "klager klaagt."));
        }

        // Hoe kan een klacht ingediend worden? (ACKNOWLEDGE 5 werkdagen)
        obligations.add(new Obligation("ACKNOWLEDGE", r, 5, "WORKING_DAYS", "ACKNOWLEDGED"));
        advice.add(new Advice("ONTVANGSTBEVESTIGING",
                "Licht in de ontvangstbevestiging (binnen vijf werkdagen na ontvangst) de klachtenprocedure toe."));
        addressees.add(new Addressee("IederZijnWerk Ambulant, T.a.v. de directie, Nummer 15, 8775 XD Nijhuizum; "
                + "e-mail info@iederzijnwerk.nl; telefoon 0515 543623; klachtenformulier op www.iederzijnwerk.nl"));

        // Klachtenportaal Zorg / Geschillencommissie, escalation ladder
        bodies.add(new ExternalBodyReference("KPZ_KLACHTENFUNCTIONARIS", false));
        boolean atOfficerOrAbove = COMPLAINTS_OFFICER.equals(level) || DISPUTES_COMMITTEE.equals(level);
        if (!atOfficerOrAbove && tenant.hasLevel(COMPLAINTS_OFFICER)) {
            escalation.add(new EscalationOption(COMPLAINTS_OFFICER));
        }
        if (!next.isEmpty() && !COMPLAINTS_OFFICER.equals(next) && !DISPUTES_COMMITTEE.equals(next)) {
            escalation.add(new EscalationOption(next));
        }
        if (COMPLAINTS_OFFICER.equals(level) && tenant.hasLevel(DISPUTES_COMMITTEE)) {
            escalation.add(new EscalationOption(DISPUTES_COMMITTEE));
        }
        if (atOfficerOrAbove) {
            bodies.add(new ExternalBodyReference("KPZ_GESCHILLENCOMMISSIE"));
        }
        advice.add(new Advice("TOESTEMMING",
                "Neem alleen contact op met andere betrokkenen bij de klacht na toestemming van de betrokken partij."));

        // Wanneer is een klacht officieel: DECIDE 6 weken, one extension of 4 weeks
        if ((formal || c.isWritten()) && !arbeidscoaching) {
            obligations.add(new Obligation("DECIDE", r, 6, "WEEKS", "DECIDED"));
            extensions.add(new ExtensionPolicy("DECIDE", 1, 4, "WEEKS", true));
        }

        int pastExtensions = 0;
        boolean notAdmissibleDeclared = false;
        boolean decided = false;
        for (EventFacts e : events) {
            if ("EXTENSION_ANNOUNCED".equals(e.type()) && !e.proposed()) {
                pastExtensions++;
            } else if ("DECLARED_NOT_ADMISSIBLE".equals(e.type())) {
                notAdmissibleDeclared = true;
            } else if ("DECIDED".equals(e.type())) {
                decided = true;
            }
        }
        for (EventFacts e : events) {
            if (!e.proposed()) {
                continue;
            }
            if ("EXTENSION_ANNOUNCED".equals(e.type())) {
                if (e.weeks() > 4) {
                    refusals.add(new Refusal("EXTENSION_ANNOUNCED", "De klachtenprocedure staat één verlenging van "
                            + "4 weken toe: 'In totaal dient IederZijnWerk Ambulant de klacht dus binnen maximaal 10 "
                            + "weken te beoordelen.'"));
                }
                for (int i = 0; i < pastExtensions; i++) {   // one firing per earlier extension, as in the DRL
                    refusals.add(new Refusal("EXTENSION_ANNOUNCED", "Er is al een verlenging van 4 weken gevraagd; "
                            + "een tweede verlenging is niet mogelijk: 'In totaal dient IederZijnWerk Ambulant de "
                            + "klacht dus binnen maximaal 10 weken te beoordelen.'"));
                }
            } else if ("DECLARED_NOT_ADMISSIBLE".equals(e.type()) && !e.motivationGiven()) {
                refusals.add(new Refusal("DECLARED_NOT_ADMISSIBLE", "Het bericht dat de klacht niet in behandeling "
                        + "wordt genomen moet volgens de klachtenprocedure 'een gedetailleerde motivatie' geven "
                        + "waarom de klacht niet in behandeling wordt genomen."));
            }
        }

        if (informal && c.isWritten()) {
            advice.add(new Advice("SCHRIFTELIJK_IS_OFFICIEEL",
                    "Deze klacht is schriftelijk ingediend en is volgens de klachtenprocedure daarmee een officiële "
                            + "klacht: IederZijnWerk Ambulant reageert binnen 6 weken na ontvangst schriftelijk (eenmaal "
                            + "te verlengen met 4 weken), ook al is zij als informele klacht vastgelegd."));
        }
        if (informal && c.isOral()) {
            advice.add(new Advice("MONDELING_OFFICIEEL_VRAGEN",
                    "Vraag de klager of de mondelinge klacht als 'officiële' klacht moet worden beschouwd. Zo ja: "
                            + "leg naam, adres, woonplaats, telefoonnummer en een beschrijving van de klacht samen "
                            + "met de klant vast in het klachtenformulier (www.iederzijnwerk.nl) en registreer de "
                            + "klacht als formele klacht."));
        }
        if (c.proposed() && formal && c.isOral()) {
            if (!c.complainantNameGiven()) {
                refusals.add(new Refusal("CREATE", "Mondelinge officiële klacht: de naam van de klager ontbreekt. "
                        + "Volgens de klachtenprocedure worden " + CONTACT_FIELDS));
            }
            if (!c.complainantAddressGiven()) {
                refusals.add(new Refusal("CREATE", "Mondelinge officiële klacht: het adres en de woonplaats van de "
                        + "klager ontbreken. Volgens de klachtenprocedure worden " + CONTACT_FIELDS));
            }
            if (!c.complainantPhoneGiven()) {
                refusals.add(new Refusal("CREATE", "Mondelinge officiële klacht: het telefoonnummer van de klager "
                        + "ontbreekt. Volgens de klachtenprocedure worden " + CONTACT_FIELDS));
            }
            if (c.summary().isBlank()) {
                refusals.add(new Refusal("CREATE", "Mondelinge officiële klacht: de beschrijving van de klacht "
                        + "ontbreekt. Volgens de klachtenprocedure worden " + CONTACT_FIELDS));
            }
        }

        // Niet in behandeling: bericht binnen 6 weken, DECIDE vervalt
        if (notAdmissibleDeclared) {
            obligations.add(new Obligation("NOTIFY_NOT_ADMISSIBLE", r, 6, "WEEKS", "DECLARED_NOT_ADMISSIBLE"));
            waivers.add(new Waiver("DECIDE"));
        }
        // Tot slot: resolved together, so no official judgement, unless escalated again afterwards
        // (one waiver per such resolution, as the DRL fires once per matching event).
        for (EventFacts e : events) {
            if ("RESOLVED_INFORMALLY".equals(e.type()) && events.stream()
                    .noneMatch(x -> "ESCALATED".equals(x.type()) && x.sequence() > e.sequence())) {
                waivers.add(new Waiver("DECIDE"));
            }
        }

        obligations.add(new Obligation("INFORM_MANAGEMENT", r, 0, "NONE", "MANAGEMENT_INFORMED"));
        advice.add(new Advice("SCHRIFTELIJKE_INFORMATIE",
                "De directie informeert de klager schriftelijk over de gevolgde procedure, de uiteindelijke "
                        + "afhandeling, de doorlooptijd van de procedure en de mate van tevredenheid over de "
                        + "afhandeling van de klacht."));
        for (EventFacts e : events) {
            if ("DECIDED".equals(e.type())) {
                obligations.add(new Obligation("COMMUNICATE_SOLUTION", e.on(), 0, "NONE", "SOLUTION_COMMUNICATED"));
            }
        }
        if (decided) {
            advice.add(new Advice("NABESPREKING",
                    "Bespreek de klacht na afhandeling anoniem intern om structurele verbeteringen te vinden en koppel "
                            + "terug naar de betrokken medewerker."));
        }
    }

    private static void tenantWide(List<KpiTarget> kpis, List<ReportDuty> reports) {
        reports.add(new ReportDuty("JAARRAPPORTAGE_KLACHTEN", "YEAR", "directie",
                "het totaal aantal ingediende klachten; "
                        + "het aantal ingediende klachten dat niet binnen de gestelde termijn van 6 weken is "
                        + "afgehandeld, met toelichting; "
                        + "de ingediende, maar niet behandelde klachten, met toelichting; "
                        + "een overzicht van de klanttevredenheid met betrekking tot de afhandeling van de klachten"));
        kpis.add(new KpiTarget("AFGEHANDELD_BINNEN_TERMIJN", "Officiële klachten binnen de gestelde termijn (6 weken, "
                + "met verlenging 10 weken) afgehandeld", "ON_TIME:DECIDE", "GE", 1.0));
        kpis.add(new KpiTarget("ONTVANGSTBEVESTIGING_BINNEN_5_WERKDAGEN", "Ontvangstbevestiging binnen vijf "
                + "werkdagen na ontvangst", "ON_TIME:ACKNOWLEDGE", "GE", 1.0));
    }
}
