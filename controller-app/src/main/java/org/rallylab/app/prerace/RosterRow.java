package org.rallylab.app.prerace;

/**
 * One participant row of a roster file. {@code rowNumber} is the row as the spreadsheet
 * program shows it (the heading row is usually 1). {@code name} is null when the row has
 * none; {@code carNumber} and {@code groupName} are null when empty or when the file has no
 * such column. Text is trimmed; runs of spaces in a name are one space.
 */
public record RosterRow(int rowNumber, String name, String carNumber, String groupName) {

    public boolean hasName() {
        return name != null;
    }

    public boolean hasCarNumber() {
        return carNumber != null;
    }
}
