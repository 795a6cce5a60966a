package nl.klachtenregie.publicform;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import nl.klachtenregie.complaint.CaseView;
import nl.klachtenregie.complaint.ComplaintId;
import nl.klachtenregie.complaint.ComplaintService;
import nl.klachtenregie.tenant.Tenant;

/**
 * Statuslink: the complainant's private link to the status of their complaint. The token is 32 random bytes; only
 * its SHA-256 is stored, so the table alone opens nothing. A link works until {@code publicForm().statusLinkDays()}
 * after it was made, counted on the case-date clock.
 */
@Singleton
public class StatusLinks {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** Stand van een statuslink: valid, unknown (also at another tenant) or expired. */
    public enum State { VALID, UNKNOWN, EXPIRED }

    /**
     * Gevonden statuslink: the case it opens and until when.
     *
     * @param complaintId the case it opens; 0 unless {@link State#VALID}
     * @param expiresOn the last day it works; null when {@link State#UNKNOWN}
     */
    public record Lookup(State state, long complaintId, LocalDate expiresOn) {
    }

    private final StatusLinkRepository links;
    private final ComplaintService complaints;
    private final SecureRandom random = new SecureRandom();

    StatusLinks(StatusLinkRepository links, ComplaintService complaints) {
        this.links = links;
        this.complaints = complaints;
    }

    /**
     * Geopende statuslink: what the link shows today.
     *
     * @param status the case as the complainant may see it; null unless {@link State#VALID}
     * @param expiresOn the last day the link works; null when {@link State#UNKNOWN}
     */
    public record Opened(State state, ComplainantStatus status, LocalDate expiresOn) {
    }

    /** A new link to the tenant's case; every call makes another one, and all of them work. */
    @Transactional
    public String issue(Tenant tenant, long complaintId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDate expires = complaints.today().plusDays(tenant.profile().publicForm().statusLinkDays());
        links.save(new StatusLinkRow(null, tenant.id().value(), complaintId, hash(token), expires));
        return token;
    }

    /**
     * The case a token opens at this tenant. A token of another tenant is as unknown as one that never existed, so
     * the answer never tells that a case exists elsewhere.
     */
    @Transactional
    public Lookup find(Tenant tenant, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new Lookup(State.UNKNOWN, 0, null);
        }
        return links.findByTokenHashAndTenantId(hash(token), tenant.id().value())
                .map(row -> new Lookup(State.VALID, row.complaintId(), row.expiresOn()))
                .map(link -> complaints.today().isAfter(link.expiresOn())
                        ? new Lookup(State.EXPIRED, 0, link.expiresOn()) : link)
                .orElse(new Lookup(State.UNKNOWN, 0, null));
    }

    /** The status a token shows at this tenant today, or why it shows nothing. */
    @Transactional
    public Opened open(Tenant tenant, String token) {
        Lookup link = find(tenant, token);
        if (link.state() != State.VALID) {
            return new Opened(link.state(), null, link.expiresOn());
        }
        CaseView c = complaints.get(tenant, nl.klachtenregie.complaint.Viewer.SYSTEM, new ComplaintId(link.complaintId()),
                complaints.today());
        return new Opened(State.VALID, ComplainantStatus.of(c, tenant.profile()), link.expiresOn());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
