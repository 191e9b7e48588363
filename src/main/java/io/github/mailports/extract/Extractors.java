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

    private static final Extractor JAVA = new JavaCodeExtractor();

    private Extractors() {
    }

    /** Every endpoint of one batch of parsed files ({@link ConfigUnit#batches}), unit by unit ({@link ConfigUnit#group}). */
    public static List<MailEndpoint> extract(List<ConfigFile> batch, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        for (ConfigUnit unit : ConfigUnit.group(batch)) {
            if (unit.isJava()) { // Java sources have their own extractor, and only they
                out.addAll(JAVA.extract(unit, ctx));
                continue;
            }
            for (Extractor x : ALL) {
                out.addAll(x.extract(unit, ctx));
            }
        }
        return out;
    }
}
