package nl.klachtenregie.notification;

/** Hands one plain-text e-mail to the mail server; throws when the server does not accept it. */
interface MailTransport {

    void send(String from, String to, String subject, String body) throws Exception;
}
