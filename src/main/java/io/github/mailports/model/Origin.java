package io.github.mailports.model;

/** Where a setting's value comes from. */
public enum Origin {
    /** Written in a file as a literal. */
    EXPLICIT,
    /** Not written: the library's own default. The location is the endpoint's anchor. */
    DEFAULT,
    /** Written as a placeholder that resolved (a supplied value or the placeholder's own default). */
    PLACEHOLDER,
    /** Written as a placeholder that did not resolve: the value is unknown. */
    UNRESOLVED;

    /** True when the setting was written in a file (as a literal or a placeholder). */
    public boolean isWritten() { return this != DEFAULT; }
}
