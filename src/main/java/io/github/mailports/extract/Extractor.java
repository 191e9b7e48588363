package io.github.mailports.extract;

import io.github.mailports.model.MailEndpoint;

import java.util.List;

/** Turns one unit of configuration into the endpoints its library will really open. Never throws on odd input. */
public interface Extractor {
    /** A short name of the source, e.g. {@code spring-boot}. */
    String source();

    List<MailEndpoint> extract(ConfigUnit unit, ExtractContext context);
}
