package org.ocaetl.workflows.model;

/**
 * Input of discovery.
 *
 * @param reprocessGlob glob over archived raw file names to replay, or null for none
 */
public record DiscoveryRequest(String reprocessGlob) {}
