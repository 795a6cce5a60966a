package nl.klachtenregie.notification;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import nl.klachtenregie.complaint.ComplaintRegistered;

/**
 * Melding nieuwe klacht: a complaint through the public form is announced to the tenant's intake address. Staff who
 * registered a complaint themselves need no telling, nor does the API's caller.
 */
@Singleton
class IntakeNotices implements ApplicationEventListener<ComplaintRegistered>, Ordered {

    /**
     * After the public form's status link and acknowledgement ({@code publicform.IntakeStatusLinks}, order 0): the
     * outbox keeps the order it always had, the acknowledgement before the notice.
     */
    static final int ORDER = 100;

    private final Notifications notifications;

    IntakeNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void onApplicationEvent(ComplaintRegistered e) {
        if (e.source() == ComplaintRegistered.Source.PUBLIC_FORM) {
            // Queued once per complaint (by its key): a second post of the same form adds nothing.
            notifications.intakeNotice(e.tenant(), e.registered());
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
