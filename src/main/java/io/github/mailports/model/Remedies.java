package io.github.mailports.model;

/** Spells a {@link Remedy} as a fix hint in the configuration dialect of an endpoint's source. */
public interface Remedies {
    /** A short imperative hint, e.g. {@code set spring.mail.properties.mail.smtp.starttls.required: true}. */
    String hint(Remedy remedy, MailEndpoint endpoint);
}
