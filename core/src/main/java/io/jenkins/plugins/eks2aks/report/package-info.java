/** Reports for people (Markdown) and machines (JSON), rendered from the engine's results. */
package io.jenkins.plugins.eks2aks.report;
