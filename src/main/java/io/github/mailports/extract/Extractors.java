package io.github.mailports.extract;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.model.MailEndpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The explicit list of extractors, in the order their endpoints are reported. */
public final class Extractors {
    private static final List<Extractor> ALL = Collections.unmodifiableList(Arrays.<Extractor>asList(
            new SpringBootExtractor(),
            new JakartaMailExtractor(),
            new QuarkusExtractor(),
            new SimpleJavaMailExtractor(),
            new MailUrlExtractor(),
            new LogbackExtractor(),
            new Log4j2Extractor(),
            new AutoconfigExtractor()));

    private Extractors() {
    }

    /** Every endpoint of one batch of parsed files ({@link ConfigUnit#batches}), unit by unit ({@link ConfigUnit#group}). */
    public static List<MailEndpoint> extract(List<ConfigFile> batch, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        for (ConfigUnit unit : ConfigUnit.group(batch)) {
            for (Extractor x : ALL) {
                out.addAll(x.extract(unit, ctx));
            }
        }
        return out;
    }
}
