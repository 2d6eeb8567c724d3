package io.jenkins.plugins.eks2aks.events;

/** How much a reader of the log should care about an event. */
public enum EventLevel {
    /** Details a reader only wants when something goes wrong. */
    DEBUG,
    /** Progress of the work. */
    INFO,
    /** Something that worked but needs a person's attention. */
    WARNING,
    /** Something that failed. */
    ERROR
}
