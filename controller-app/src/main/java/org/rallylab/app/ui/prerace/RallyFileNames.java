package org.rallylab.app.ui.prerace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** Where a new rally file goes: {@code <slug of the name>.rallylab}, never over an existing file. */
final class RallyFileNames {

    static final String EXTENSION = ".rallylab";

    private RallyFileNames() {
    }

    /** "Spring Rally 2026!" becomes "spring-rally-2026"; a name with no letters or digits gives "rally". */
    static String slug(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "rally" : slug;
    }

    /** {@code folder/slug.rallylab}, or {@code slug-2}, {@code slug-3} ... when that file exists. */
    static Path free(Path folder, String name) {
        String slug = slug(name);
        Path file = folder.resolve(slug + EXTENSION);
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(slug + "-" + n + EXTENSION);
        }
        return file;
    }

    /** {@code file} ending in .rallylab (added when missing). */
    static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION) ? file : file.resolveSibling(name + EXTENSION);
    }
}
