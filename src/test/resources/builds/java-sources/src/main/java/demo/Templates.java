package demo;

/** Reads an application key and does not parse: a note, not an error. */
public class Templates {
    @org.springframework.beans.factory.annotation.Value("${spring.mail.from}")
    String from;
    void broken( {
}
