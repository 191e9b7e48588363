package io.github.mailports.config;

/** The syntax a configuration file is written in. */
public enum ConfigFormat {
    PROPERTIES,
    YAML,
    XML;
}
