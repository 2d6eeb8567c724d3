/**
 * The Pipeline steps. They stay thin: parameters in, the engine's use case on the agent, events to the build
 * log, a Map back to the script. Behaviour lives in the engine, where it is tested against real servers.
 */
package io.jenkins.plugins.eks2aks.steps;
