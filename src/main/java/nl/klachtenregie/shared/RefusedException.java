package nl.klachtenregie.shared;

import java.util.List;

/**
 * Geweigerd: the request is well-formed but the regulation or the state of the case forbids it (answered with
 * 422 and the reasons, each in words a handler understands).
 */
public class RefusedException extends RuntimeException {

    private final transient List<String> reasons;

    public RefusedException(List<String> reasons) {
        super(String.join(" ", reasons));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        this.reasons = List.copyOf(reasons);
    }

    public RefusedException(String reason) {
        this(List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
