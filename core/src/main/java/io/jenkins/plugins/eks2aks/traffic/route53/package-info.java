/** shiftTraffic through Route 53: weighted record sets, one atomic change batch per step, polled until INSYNC. */
package io.jenkins.plugins.eks2aks.traffic.route53;
