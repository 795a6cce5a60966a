package nl.klachtenregie.web;

/** A posted form that carries the CSRF token of the page it came from. */
public interface CsrfForm {
    String csrfToken();
}
