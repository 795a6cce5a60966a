package nl.klachtenregie.complaint;

import nl.klachtenregie.tenant.Tenant;

/**
 * Klacht geregistreerd: a complaint came in through one of the intakes and is stored. Published synchronously in the
 * transaction that registers it, so that whatever a listener adds (a status link, a queued message) is stored with the
 * case or not at all, and a listener that refuses (throws) leaves nothing registered.
 *
 * @param tenant the organisation, as resolved for the intake
 * @param registered the case as registered (or as an earlier post of the same submission registered it)
 * @param source where the complaint came in
 * @param acknowledgeByEmail whether staff asked for the acknowledgement to be sent by e-mail (the staff page's
 *     "ontvangstbevestiging per e-mail"); false for the other sources, whose own rules decide
 * @param earlier whether this post found the registration of an earlier post of the same submission (a double
 *     click, a reload): nothing new was stored
 */
public record ComplaintRegistered(Tenant tenant, CaseView registered, Source source, boolean acknowledgeByEmail,
                                  boolean earlier) {

    /** Ingang: where a complaint came in. */
    public enum Source {
        /** The JSON API: other systems register their cases; nobody is told from here. */
        API,
        /** Nieuwe klacht: staff register a letter, a call or a visit. */
        STAFF_PAGE,
        /** Het klachtformulier: the complainant themself, without an account. */
        PUBLIC_FORM
    }
}
