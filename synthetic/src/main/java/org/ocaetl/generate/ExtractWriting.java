package org.ocaetl.generate;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.xml.stream.XMLStreamException;

/**
 * One pass writing an extract's XML: the cases in order (fresh ones, updates of previous ids at
 * positions chosen by selection sampling, edge cases at their scheduled positions), then the delete
 * records. Holds one case at a time plus a few edge-case ids: memory does not grow with the number
 * of cases.
 */
final class ExtractWriting {

  /** The counts of a finished pass. */
  record Counts(
      int cases, int updates, int deletes, int previousDeletes, List<EdgeCaseInstance> edgeCases) {}

  /** Edge cases are built on cases filed this long before the run date. */
  private static final int EDGE_CASE_AGE_DAYS = 150;

  private final GeneratorSettings settings;
  private final CaseGenerator generator;
  private final CaseIds ids;
  private final List<PreviousExtractSample.PreviousCase> previous;
  private final SplittableRandom plan;
  private final SplittableRandom content;
  private final EdgeCaseSchedule schedule;
  private final List<EdgeCaseInstance> edgeCases = new ArrayList<>();
  private final List<String> deletesAfterAdds = new ArrayList<>();
  private long nextCounter;
  private int nextPrevious;
  private int deletes;
  private String firstVersionOfDuplicate;

  ExtractWriting(
      GeneratorSettings settings,
      CaseGenerator generator,
      CaseIds ids,
      List<PreviousExtractSample.PreviousCase> previous,
      SplittableRandom plan,
      SplittableRandom content) {
    this.settings = settings;
    this.generator = generator;
    this.ids = ids;
    this.previous = previous;
    this.plan = plan;
    this.content = content;
    this.schedule =
        settings.edgeCases()
            ? EdgeCaseSchedule.spreadOver(settings.cases())
            : EdgeCaseSchedule.none();
  }

  Counts writeTo(OutputStream out) throws XMLStreamException {
    int cases = settings.cases();
    long regularLeft = cases - schedule.size();
    int updates = (int) Math.min(Math.min(settings.updates(), previous.size()), regularLeft);
    int previousDeletes = Math.min(settings.deletes(), previous.size() - updates);
    long updatesLeft = updates;
    try (ExtractXmlWriter xml = new ExtractXmlWriter(out)) {
      xml.startExtract(settings.runDate(), settings.initialFiledYear());
      for (long position = 0; position < cases; position++) {
        EdgeCaseSchedule.Slot slot = schedule.at(position);
        if (slot != null) {
          writeEdgeCase(xml, slot);
          continue;
        }
        // Selection sampling: exactly `updates` of the regular positions, uniformly spread.
        boolean update = plan.nextLong(regularLeft) < updatesLeft;
        regularLeft--;
        if (update) {
          updatesLeft--;
          PreviousExtractSample.PreviousCase old = previous.get(nextPrevious++);
          xml.writeIndex(generator.generate(old.indexNumberId(), old.filedDay(), content, false));
        } else {
          xml.writeIndex(generator.generate(freshId(), null, content, false));
        }
      }
      // As in OCA's extracts, the delete records come after the adds and updates.
      for (int i = 0; i < settings.deletes(); i++) {
        delete(xml, i < previousDeletes ? previous.get(nextPrevious++).indexNumberId() : freshId());
      }
      for (String id : deletesAfterAdds) {
        delete(xml, id);
      }
      xml.finishExtract();
    }
    return new Counts(cases, updates, deletes, previousDeletes, edgeCases);
  }

  /** A never-used id: fresh cases, no-op deletes and edge cases all draw from one counter. */
  private String freshId() {
    return ids.id(nextCounter++);
  }

  private void delete(ExtractXmlWriter xml, String id) throws XMLStreamException {
    xml.writeDelete(id);
    deletes++;
  }

  private void writeEdgeCase(ExtractXmlWriter xml, EdgeCaseSchedule.Slot slot)
      throws XMLStreamException {
    EdgeCase kind = slot.kind();
    String id = slot.secondVersion() ? firstVersionOfDuplicate : freshId();
    switch (kind) {
      case DUPLICATE_ID -> firstVersionOfDuplicate = id;
      case DELETE_AFTER_ADD -> deletesAfterAdds.add(id);
      case ADD_AFTER_DELETE -> delete(xml, id);
      default -> {}
    }
    XmlElement index = generator.generate(id, null, content, true);
    CaseFrame frame =
        new CaseFrame(
            settings.runDate().toEpochDay() - EDGE_CASE_AGE_DAYS,
            settings.runDate().toEpochDay(),
            true,
            content);
    EdgeCaseMutations.apply(kind, index, frame, generator.highlights());
    xml.writeIndex(index);
    if (!slot.secondVersion()) {
      edgeCases.add(
          new EdgeCaseInstance(
              kind, kind == EdgeCase.MISSING_INDEX_NUMBER_ID ? null : id, slot.position()));
    }
  }
}
