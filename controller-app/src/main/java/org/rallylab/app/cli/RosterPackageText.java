package org.rallylab.app.cli;

import java.nio.file.Path;
import org.rallylab.app.prerace.RosterPackageImport;
import org.rallylab.store.roster.RosterPackage;

/** The preview of a roster package import as import-roster prints it. */
final class RosterPackageText {

    private RosterPackageText() {
    }

    /**
     * The package, then the sections to load (a table) and the skipped ones with their reasons,
     * then the summary. A refused package shows only its first line: the refusal is the error.
     */
    static String preview(RosterPackageImport plan, Path packageFile, Path rallyFile, boolean newFile) {
        String nl = System.lineSeparator();
        RosterPackage pkg = plan.rosterPackage();
        StringBuilder out = new StringBuilder("Roster package ").append(packageFile).append(": rally \"")
                .append(pkg.rallyName()).append('"');
        if (pkg.rallyDate() != null) {
            out.append(" on ").append(pkg.rallyDate());
        }
        out.append(", exported ").append(pkg.exportedAt()).append(", into ").append(rallyFile)
                .append(newFile ? " (a new rally file)" : "").append('.').append(nl);
        if (plan.refusal().isPresent()) {
            return out.toString();
        }
        if (!plan.loads().isEmpty()) {
            out.append(nl).append("Load for race day:").append(nl);
            TextTable table = new TextTable("Section", "Participants", "").alignRight(1);
            for (RosterPackageImport.Load load : plan.loads()) {
                table.row(load.sectionName(), load.participantCount(), load.createsSection() ? "new section" : "");
            }
            out.append(table.render());
        }
        if (!plan.skipped().isEmpty()) {
            out.append(nl).append("Skipped:").append(nl);
            plan.skipped().forEach(s -> out.append("  ").append(s.message()).append(nl));
        }
        return out.append(nl).append(plan.summary()).append(nl).toString();
    }
}
