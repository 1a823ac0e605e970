package org.rallylab.sync.client;

import java.net.InetAddress;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Where the cloud copy lives: a Supabase project's URL and its anon (public) key, as the
 * organizer copies them from the dashboard (Settings → API) into the app's settings. The URL
 * must be {@code https://}; plain {@code http://} is accepted only for this computer
 * ({@code localhost}), for tests and a local stand-in. {@link #url()} has no trailing slash.
 */
public record CloudConfig(String url, String anonKey) {

    public CloudConfig {
        url = checkUrl(url);
        if (anonKey == null || anonKey.isBlank()) {
            throw new IllegalArgumentException("The anon key is empty: copy the \"anon public\" key from the Supabase"
                    + " dashboard (Settings → API) into the app's settings");
        }
        anonKey = anonKey.strip();
        if (anonKey.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The anon key contains spaces or line breaks: copy it again from the"
                    + " Supabase dashboard (Settings → API), as one line");
        }
    }

    /** The base URL as OkHttp reads it. */
    HttpUrl baseUrl() {
        return HttpUrl.get(url);
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The Supabase URL is empty: copy the Project URL (like"
                    + " https://abcdefgh.supabase.co) from the Supabase dashboard (Settings → API) into the app's"
                    + " settings");
        }
        String text = url.strip();
        HttpUrl parsed = HttpUrl.parse(text);
        if (parsed == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a web address: the Supabase URL looks like"
                    + " https://abcdefgh.supabase.co");
        }
        if (parsed.scheme().equals("http") && !isThisComputer(parsed.host())) {
            throw new IllegalArgumentException("The Supabase URL " + text + " starts with http://: use https://"
                    + " (plain http is allowed only for localhost)");
        }
        if (parsed.query() != null || parsed.fragment() != null || !parsed.username().isEmpty()) {
            throw new IllegalArgumentException("The Supabase URL " + parsed.scheme() + "://" + parsed.host()
                    + "… has extra parts (a ?query, #fragment or user name): use just the Project URL, like"
                    + " https://abcdefgh.supabase.co");
        }
        String base = parsed.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/rest/v1") || base.endsWith("/auth/v1")) {
            throw new IllegalArgumentException("The Supabase URL " + base + " ends with an API path: use just the"
                    + " Project URL, like https://abcdefgh.supabase.co");
        }
        return base;
    }

    private static boolean isThisComputer(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "CloudConfig[" + url + ", anon key of " + anonKey.length() + " characters]";
    }
}
