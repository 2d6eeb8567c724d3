/** shiftTraffic through Azure: Traffic Manager weighted endpoints, and Azure DNS CNAME record sets pointed at the profile. */
package io.jenkins.plugins.eks2aks.traffic.azure;
