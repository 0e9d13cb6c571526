package org.ocaetl.geocode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.api.PreparedAddress;

/**
 * Geocoders tried in order (e.g. Geoclient, then the Census batch geocoder for its misses). An
 * address goes to the next geocoder only when this one answered that it cannot place it
 * (NOT_FOUND) or does not cover it (DECLINED). When a geocoder is UNAVAILABLE for an address the
 * chain stops there: a weaker fallback must not stand in for an outage (its result would be
 * cached and kept), so the address is left for the backfill. An address no geocoder found keeps
 * the first miss, so status and messages are those of the geocoder that answered.
 */
public final class GeocoderChain implements Geocoder {
  private final List<Geocoder> links;

  public GeocoderChain(List<Geocoder> links) {
    if (links.isEmpty()) {
      throw new IllegalArgumentException("A chain needs at least one geocoder");
    }
    this.links = List.copyOf(links);
  }

  /** {@code geoclient+census}. */
  @Override
  public String name() {
    return links.stream().map(Geocoder::name).collect(Collectors.joining("+"));
  }

  /** {@code geoclient/v2+census/Public_AR_Current}. */
  @Override
  public String release() {
    return links.stream().map(g -> g.name() + "/" + g.release()).collect(Collectors.joining("+"));
  }

  @Override
  public List<GeocodeResult> geocode(List<PreparedAddress> addresses, GeocodeRun run) throws InterruptedException {
    GeocodeResult[] results = new GeocodeResult[addresses.size()];
    GeocodeResult[] firstMiss = new GeocodeResult[addresses.size()];
    List<Integer> pending = new ArrayList<>(addresses.size());
    for (int i = 0; i < addresses.size(); i++) {
      pending.add(i);
    }
    for (Geocoder link : links) {
      if (pending.isEmpty()) {
        break;
      }
      List<GeocodeResult> answers = link.geocode(pending.stream().map(addresses::get).toList(), run);
      List<Integer> next = new ArrayList<>();
      for (int j = 0; j < pending.size(); j++) {
        int i = pending.get(j);
        GeocodeResult answer = answers.get(j);
        switch (answer.outcome()) {
          case FOUND -> results[i] = answer;
          case UNAVAILABLE -> results[i] = firstMiss[i] != null ? firstMiss[i] : answer;
          case NOT_FOUND -> {
            if (firstMiss[i] == null) {
              firstMiss[i] = answer;
            }
            next.add(i);
          }
          case DECLINED -> next.add(i);
        }
      }
      pending = next;
    }
    for (int i : pending) {
      results[i] = firstMiss[i] != null ? firstMiss[i] : GeocodeResult.declined(name(), release());
    }
    return List.of(results);
  }
}
