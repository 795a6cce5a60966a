package nl.klachtenregie.complaint;

/** Soort document: the complaint letter, a signed report of a conversation, correspondence, a photo, or other. */
public enum AttachmentKind {
    COMPLAINT_LETTER, SIGNED_REPORT, CORRESPONDENCE, PHOTO, OTHER
}
