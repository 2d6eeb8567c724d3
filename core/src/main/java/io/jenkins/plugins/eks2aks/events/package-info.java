/**
 * Events the engine emits while it works. The CLI prints them to the terminal; the Jenkins steps write
 * them to the build log. Neither rendering lives here.
 */
package io.jenkins.plugins.eks2aks.events;
