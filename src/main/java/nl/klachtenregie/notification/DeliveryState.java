package nl.klachtenregie.notification;

/**
 * Bezorgstatus of an outbox message.
 * <ul>
 * <li>PENDING: waiting to be sent (again, after a failure, at {@code nextAttemptAt});</li>
 * <li>SENDING: claimed by one instance, which holds a lease on it;</li>
 * <li>SENT: the SMTP server accepted it;</li>
 * <li>FAILED: every attempt failed; kept, and can be sent again by hand;</li>
 * <li>NOT_SENT: e-mail is switched off (the embedded default); kept here instead of sent;</li>
 * <li>NO_RECIPIENT: nobody to send it to (no address configured); kept so that the gap shows.</li>
 * </ul>
 */
public enum DeliveryState { PENDING, SENDING, SENT, FAILED, NOT_SENT, NO_RECIPIENT }
