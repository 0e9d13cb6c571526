package org.ocaetl.stage;

/** Receives parse progress (called every few thousand cases; must be cheap). */
@FunctionalInterface
public interface ParseProgress {
  ParseProgress NONE = (casesSeen, xmlBytesRead) -> {};

  void onProgress(long casesSeen, long xmlBytesRead);
}
