package nl.klachtenregie.shared;

import java.util.List;
import java.util.Locale;

/**
 * Geweigerd: the request is well-formed but the regulation or the state of the case forbids it (answered with
 * 422 and the reasons, each in words a handler understands). A reason is a {@link Text}, shown in the reader's
 * language; the message (for the log) and {@link #reasons()} are Dutch.
 */
public class RefusedException extends RuntimeException {

    private final transient List<Text> reasons;

    private RefusedException(List<Text> reasons, boolean texts) {
        super(dutch(reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** Reasons that are already words (the tenant's own rules, or not yet in a bundle). */
    public RefusedException(List<String> reasons) {
        this(reasons.stream().map(Text::plain).toList(), true);
    }

    public RefusedException(String reason) {
        this(List.of(reason));
    }

    /** A reason from the message source, shown in the reader's language. */
    public RefusedException(Text reason) {
        this(List.of(reason), true);
    }

    /** Reasons from the message source (or {@link Text#plain}), shown in the reader's language, in this order. */
    public static RefusedException because(List<Text> reasons) {
        return new RefusedException(reasons, true);
    }

    private static String dutch(List<Text> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        return String.join(" ", reasons.stream().map(Text::dutch).toList());
    }

    /** The reasons in Dutch. */
    public List<String> reasons() {
        return reasons(Messages.DUTCH);
    }

    /** The reasons in the reader's language. */
    public List<String> reasons(Locale locale) {
        return reasons.stream().map(t -> t.in(locale)).toList();
    }

    /** The reasons as texts, to pass on in another refusal. */
    public List<Text> texts() {
        return reasons;
    }
}
