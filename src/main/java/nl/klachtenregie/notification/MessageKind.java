package nl.klachtenregie.notification;

/**
 * Soort bericht: why the product sent an e-mail on its own.
 * <ul>
 * <li>ACKNOWLEDGEMENT: ontvangstbevestiging to the complainant of a complaint from the public form;</li>
 * <li>NEW_COMPLAINT: to the intake address, a complaint came in through the public form;</li>
 * <li>REMINDER: herinnering to the handler before a due date;</li>
 * <li>MISSED_TERM: to the next rung of the escalation ladder, a term ran out;</li>
 * <li>MANAGEMENT_NOTICE: to management, where the regulation says management hears of the complaint;</li>
 * <li>PLATFORM_USER_CREATED: to the tenant's beheerders, the platform administrator created an account in their
 * organisation (no case).</li>
 * </ul>
 */
public enum MessageKind { ACKNOWLEDGEMENT, NEW_COMPLAINT, REMINDER, MISSED_TERM, MANAGEMENT_NOTICE, PLATFORM_USER_CREATED }
