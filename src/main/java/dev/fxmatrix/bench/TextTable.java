package dev.fxmatrix.bench;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned (names), the others right-aligned (numbers). */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
  }

  TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  List<String> lines() {
    int[] widths = new int[header.size()];
    for (List<String> line : allLines()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> line : allLines()) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = line.get(i);
        String padding = " ".repeat(widths[i] - cell.length());
        text.append(i == 0 ? cell + padding : "  " + padding + cell);
      }
      lines.add(text.toString().stripTrailing());
    }
    return lines;
  }

  private List<List<String>> allLines() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
