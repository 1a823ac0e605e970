package org.rallylab.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudConfigTest {

    @Test
    void anHttpsProjectUrl_isKept_withoutTheTrailingSlash() {
        CloudConfig config = new CloudConfig(" https://abcdefgh.supabase.co/ ", " key ");

        assertThat(config.url()).isEqualTo("https://abcdefgh.supabase.co");
        assertThat(config.anonKey()).isEqualTo("key");
    }

    @Test
    void plainHttp_isAllowedOnlyForThisComputer() {
        assertThat(new CloudConfig("http://localhost:54321", "k").url()).isEqualTo("http://localhost:54321");
        assertThat(new CloudConfig("http://127.0.0.1:8000/", "k").url()).isEqualTo("http://127.0.0.1:8000");
        assertThatThrownBy(() -> new CloudConfig("http://abcdefgh.supabase.co", "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use https://");
    }

    @Test
    void aBadUrl_isRefused_sayingWhatToCopy() {
        assertThatThrownBy(() -> new CloudConfig("", "k")).hasMessageContaining("Project URL");
        assertThatThrownBy(() -> new CloudConfig("abcdefgh.supabase.co", "k")).hasMessageContaining("not a web address");
        assertThatThrownBy(() -> new CloudConfig("https://abcdefgh.supabase.co/rest/v1", "k"))
                .hasMessageContaining("ends with an API path");
        assertThatThrownBy(() -> new CloudConfig("https://abcdefgh.supabase.co/?x=1", "k"))
                .hasMessageContaining("extra parts");
    }

    @Test
    void aMissingOrBrokenKey_isRefused() {
        assertThatThrownBy(() -> new CloudConfig("https://a.supabase.co", " ")).hasMessageContaining("anon public");
        assertThatThrownBy(() -> new CloudConfig("https://a.supabase.co", "ab\ncd")).hasMessageContaining("one line");
    }

    @Test
    void toString_hidesTheKey() {
        assertThat(new CloudConfig("https://a.supabase.co", "secret-key").toString()).doesNotContain("secret-key");
    }
}
