package org.ocaetl.workflows.model;

/**
 * What the geocoder did to the exported addresses.
 *
 * @param geocoder name of the geocoder ("none" until a real one exists)
 * @param addressesGeocoded addresses it resolved
 * @param elapsedMillis wall time
 */
public record GeocodeSummary(String geocoder, long addressesGeocoded, long elapsedMillis) {}
