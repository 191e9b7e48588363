package io.github.mailports.config;

/** The syntax a configuration file is written in. */
public enum ConfigFormat {
    PROPERTIES,
    YAML,
    XML,
    /** A Java source file ({@link JavaReader}): mail settings written in code. */
    JAVA;
}
